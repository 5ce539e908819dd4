package fr.rdz.console.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.console.client.ServiceClient;
import fr.rdz.console.client.ServiceClients;
import fr.rdz.kit.ConsoleTokens;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * One {@link ServiceClient} per service, on the base URLs of {@code rdz.console.services}.
 *
 * <p>Each call opens its own connection ({@link HttpClient#newConnection()}), none is pooled:
 * reactor-netty 1.2's pooled client now and then leaves a reused connection with reading switched
 * off (reactor-netty #196, #4029), and the service's answer then waits unread until the console's
 * timeout. A page makes a few calls on the cluster's network; a connection each costs little.
 */
@Configuration
public class ServiceClientsConfig {

    @Bean
    ServiceClients serviceClients(
            ServicesProperties services, WebClient.Builder builder, ConsoleTokens tokens, ObjectMapper json) {
        return new ServiceClients(
                client("intake", services.intake(), builder, tokens, json, services),
                client("routing", services.routing(), builder, tokens, json, services),
                client("delivery", services.delivery(), builder, tokens, json, services),
                client("notifier", services.notifier(), builder, tokens, json, services),
                client("crm-push", services.crmPush(), builder, tokens, json, services));
    }

    private static ServiceClient client(
            String name,
            URI base,
            WebClient.Builder builder,
            ConsoleTokens tokens,
            ObjectMapper json,
            ServicesProperties services) {
        if (base == null) {
            throw new IllegalStateException("rdz.console.services." + name + " (the service's base URL) is not set");
        }
        WebClient web = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl(base.toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        return new ServiceClient(name, web, tokens, json, services.timeout());
    }
}
