package fr.rdz.console.portal;

import fr.rdz.kit.PortalClient;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A buyer (role client) who asks for {@code /} — where every sign-in lands — is sent on to its
 * portal {@code /portail}: the dashboard is never rendered for it. Runs after Spring Security's
 * chain (order -100), which has already let only a signed-in user through to {@code /}.
 */
@Component
@Order(0)
class PortalLanding implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || !"/".equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(ctx -> Mono.justOrEmpty(PortalClient.of(ctx.getAuthentication())))
                .flatMap(buyer -> {
                    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                    exchange.getResponse().getHeaders().setLocation(URI.create("/portail"));
                    return exchange.getResponse().setComplete().thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }
}
