package fr.rdz.console.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzUsers;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Puts the {@link ConsoleContext} ({@code console}) and the current path ({@code path}) in every page's model. */
@ControllerAdvice
public class ConsoleModel {

    static final String ENTITY_ATTRIBUTE = "rdz.console.entity";

    @ModelAttribute("console")
    public Mono<ConsoleContext> console(ServerWebExchange exchange) {
        return context(exchange);
    }

    private static final Format FORMAT = new Format();

    @ModelAttribute("fmt")
    public Format fmt() {
        return FORMAT;
    }

    /**
     * The query parameters ({@code params['created']}), first value each ({@code ""} for a flag without
     * value), absent ones null. Thymeleaf's
     * own {@code param} is unusable under WebFlux: an absent parameter reads as a non-null empty
     * value, so {@code th:if="${param.x}"} is always true.
     */
    @ModelAttribute("params")
    public java.util.Map<String, String> params(ServerWebExchange exchange) {
        // a flag without value (?created) is present: "" (true for th:if), never null
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        exchange.getRequest().getQueryParams().forEach((name, values) -> {
            String first = values.isEmpty() ? null : values.get(0);
            params.put(name, first == null ? "" : first);
        });
        return params;
    }

    @ModelAttribute("path")
    public String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /** The request's context: the operator, and the entity chosen in the session (a scoped operator's own). */
    public static Mono<ConsoleContext> context(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(ctx -> RdzUsers.operator(ctx.getAuthentication()))
                .zipWith(exchange.getSession())
                .map(t -> {
                    Operator operator = t.getT1();
                    Entity chosen = operator.entityScope() != null
                            ? operator.entityScope()
                            : (Entity) t.getT2().getAttributes().get(ENTITY_ATTRIBUTE);
                    return new ConsoleContext(operator, chosen);
                });
    }
}
