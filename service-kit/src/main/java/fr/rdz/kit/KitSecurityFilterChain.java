package fr.rdz.kit;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A security filter chain declared by the kit: the light chain of the public routes ({@link
 * RdzSecurity#publicFilterChain}) and the admin chain ({@link RdzSecurity#filterChain}). Its own type
 * lets the kit declare both while a service that declares its own {@link SecurityWebFilterChain}
 * (the console) still replaces them both: each kit chain is {@code @ConditionalOnMissingBean} of
 * any chain that is not a kit chain. Without it, a second chain bean would have made the admin
 * chain's condition fail, and its deny-by-default would be silently gone.
 *
 * @param name what the chain is for, in logs and tests
 * @param chain the chain built by {@code ServerHttpSecurity}
 */
public record KitSecurityFilterChain(String name, SecurityWebFilterChain chain) implements SecurityWebFilterChain {

    @Override
    public Mono<Boolean> matches(ServerWebExchange exchange) {
        return chain.matches(exchange);
    }

    @Override
    public Flux<WebFilter> getWebFilters() {
        return chain.getWebFilters();
    }
}
