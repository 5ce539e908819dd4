package fr.rdz.console.config;

import fr.rdz.kit.PortalClient;
import java.net.URI;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * Where a sign-in lands: a buyer (role client) on its portal {@code /portail}; an operator as
 * before (the page they asked for, else the dashboard).
 */
final class PortalLogin {

    private PortalLogin() {}

    static ServerAuthenticationSuccessHandler successHandler() {
        var operators = new RedirectServerAuthenticationSuccessHandler("/");
        var redirect = new DefaultServerRedirectStrategy();
        return (exchange, authentication) -> PortalClient.of(authentication).isPresent()
                ? redirect.sendRedirect(exchange.getExchange(), URI.create("/portail"))
                : operators.onAuthenticationSuccess(exchange, authentication);
    }
}
