package fr.rdz.console.pages.support;

import fr.rdz.console.web.ConsoleModel;
import fr.rdz.kit.RdzSecurityProperties;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The operator of the current request (and the entity chosen in the navigation), for the pages. */
public final class Operators {

    private Operators() {}

    public static Mono<PageOperator> current(ServerWebExchange exchange) {
        return ConsoleModel.context(exchange)
                .map(console -> new PageOperator(
                        console.operator().name(),
                        console.operator().role() == RdzSecurityProperties.Role.ADMIN,
                        console.operator().entityScope() == null
                                ? null
                                : console.operator().entityScope().name(),
                        console.entity() == null ? null : console.entity().name()));
    }
}
