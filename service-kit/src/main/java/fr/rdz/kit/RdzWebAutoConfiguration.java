package fr.rdz.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The HTTP edge every service shares: admin command bodies refuse unknown fields
 * ({@link AdminJsonDecoder}), every refusal is an RFC 7807 problem ({@link ProblemDetailsAdvice}), and
 * the OpenAPI document names properties as the application's mapper writes them (snake_case), and a
 * half-sent request body does not hold its connection.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, CodecsAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class RdzWebAutoConfiguration {

    /** After Boot's Jackson codec customizer (order 0): replaces its decoder with the admin-strict one. */
    @Bean
    @Order(10)
    CodecCustomizer adminJsonDecoderCustomizer(ObjectMapper mapper) {
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new AdminJsonDecoder(mapper));
    }

    /**
     * A request whose body stops arriving (a client gone silent half-way) is dropped after {@code
     * rdz.http.read-timeout} (default 10 s) of silence, instead of holding its connection for minutes;
     * a connection waiting for its next request (or for the rest of a body nobody reads) is closed after
     * {@code rdz.http.idle-timeout} (default 75 s: longer than a load balancer's usual 60 s keep-alive,
     * so that the balancer, not the service, closes idle connections first).
     */
    @Bean
    NettyServerCustomizer rdzReadTimeout(Environment environment) {
        Duration read = environment.getProperty("rdz.http.read-timeout", Duration.class, Duration.ofSeconds(10));
        Duration idle = environment.getProperty("rdz.http.idle-timeout", Duration.class, Duration.ofSeconds(75));
        return server -> server.readTimeout(read).idleTimeout(idle);
    }

    @Bean
    ClientReadTimeouts clientReadTimeouts() {
        return new ClientReadTimeouts();
    }

    @Bean
    ClientReadTimeoutAdvice clientReadTimeoutAdvice() {
        return new ClientReadTimeoutAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Schemas named as the JSON really is (snake_case, lower-case enum values), from the application's mapper. */
    @Bean
    @ConditionalOnMissingBean
    ModelResolver modelResolver(ObjectMapper mapper) {
        return new ModelResolver(mapper);
    }
}
