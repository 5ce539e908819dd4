package fr.rdz.kit;

import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Wires the kit into every service: the clock, admin security, Kafka health. */
@AutoConfiguration(
        before = {ReactiveSecurityAutoConfiguration.class, MongoReactiveHealthContributorAutoConfiguration.class},
        after = MongoReactiveDataAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties({RdzSecurityProperties.class, ConsoleTokenProperties.class})
public class RdzServiceAutoConfiguration {

    /** The one source of time: every time-dependent rule reads it; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveUserDetailsService rdzUsers(RdzSecurityProperties properties, PasswordEncoder encoder) {
        return RdzSecurity.users(properties, encoder);
    }

    @Bean
    AdminAuthentication rdzAdminAuthentication(
            ReactiveUserDetailsService users, PasswordEncoder encoder, RdzSecurityProperties properties, Clock clock) {
        return new AdminAuthentication(users, encoder, properties.getLoginThrottle(), clock);
    }

    /**
     * The public routes ({@code rdz.security.public-paths}) first, through a light chain: no
     * authentication, session, CSRF or authorization work, the same response headers and CORS.
     * Every other request falls through to {@link #rdzSecurityFilterChain}, which still denies by
     * default. A service with its own chain (the console) replaces both (see {@link KitSecurityFilterChain}).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean(value = SecurityWebFilterChain.class, ignored = KitSecurityFilterChain.class)
    KitSecurityFilterChain rdzPublicSecurityFilterChain(ServerHttpSecurity http, RdzSecurityProperties properties) {
        return new KitSecurityFilterChain("public", RdzSecurity.publicFilterChain(http, properties));
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(value = SecurityWebFilterChain.class, ignored = KitSecurityFilterChain.class)
    KitSecurityFilterChain rdzSecurityFilterChain(
            ServerHttpSecurity http,
            RdzSecurityProperties properties,
            AdminAuthentication authentication,
            ConsoleTokenProperties consoleTokens,
            Clock clock) {
        ConsoleTokens.acceptConsoleTokens(http, consoleTokens, clock);
        return new KitSecurityFilterChain("admin", RdzSecurity.filterChain(http, properties, authentication));
    }

    /**
     * Spring Security observes every filter of its chain (a span and timers per filter, per request):
     * without tracing they only cost CPU on the public hot path. HTTP server, Mongo and Kafka
     * metrics are kept.
     */
    @Bean
    ObservationPredicate noSecurityFilterObservations() {
        return (name, context) -> !name.startsWith("spring.security.");
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties);
    }
}
