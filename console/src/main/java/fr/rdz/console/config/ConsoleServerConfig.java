package fr.rdz.console.config;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console answers each browser request on its own connection ({@code Connection: close},
 * reactor-netty {@code maxKeepAliveRequests(1)}).
 *
 * <p>reactor-netty 1.2's server can stop reading a kept-alive connection when the browser's next
 * request arrives before the previous exchange has ended (reactor-netty #4347, #4361; a pipelined
 * reproducer stalls 50 times in 50 on 1.2.18, the newest 1.2.x). The browser then waits without end
 * for a page the console never read: seen in RDZ's browser tests, a sign-in left unanswered for 3
 * minutes while the console had no request in progress. An operator's page loads a handful of
 * requests; a connection each costs less than a millisecond behind the ingress or on one machine.
 */
@Configuration
public class ConsoleServerConfig {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> oneRequestPerConnection() {
        return factory -> factory.addServerCustomizers(server -> server.maxKeepAliveRequests(1));
    }
}
