package fr.rdz.console.config;

import fr.rdz.kit.AdminAuthentication;
import fr.rdz.kit.ConsoleTokenProperties;
import fr.rdz.kit.ConsoleTokens;
import fr.rdz.kit.LoginThrottled;
import fr.rdz.kit.RdzSecurityProperties;
import fr.rdz.kit.RdzUsers;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;

/**
 * The console's own security: form login at {@code /login} (fields {@code username},
 * {@code password}) against the same {@code rdz.security} users as the admin API, a session cookie,
 * CSRF on every form and htmx request, logout at {@code /logout}; wrong passwords throttled per
 * user name and per address as on the services' HTTP Basic ({@link #consoleLogins}). Reads for {@code viewer} and
 * {@code admin}, writes (any non-GET) for {@code admin} only; the services enforce the entity
 * scope again on the token the console sends them.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties({RdzSecurityProperties.class, ConsoleTokenProperties.class})
public class ConsoleSecurityConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService consoleUsers(RdzSecurityProperties properties, PasswordEncoder encoder) {
        return RdzUsers.of(properties, encoder);
    }

    @Bean
    ConsoleTokens consoleTokens(ConsoleTokenProperties properties, Clock clock) {
        return new ConsoleTokens(properties, clock);
    }

    /**
     * The services' rule for wrong passwords, on the console's form login: past
     * {@code rdz.security.login-throttle.max-failures-per-user} for a user name or
     * {@code max-failures-per-address} from an address within {@code window}, every sign-in of that
     * name or address is refused (right password included, without checking it) until the window ends.
     */
    @Bean
    AdminAuthentication consoleLogins(
            ReactiveUserDetailsService consoleUsers,
            PasswordEncoder encoder,
            RdzSecurityProperties properties,
            Clock clock) {
        return new AdminAuthentication(consoleUsers, encoder, properties.getLoginThrottle(), clock);
    }

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, AdminAuthentication consoleLogins) {
        var wrongPassword = new RedirectServerAuthenticationFailureHandler("/login?error");
        var throttled = new RedirectServerAuthenticationFailureHandler("/login?throttled");
        var logoutSuccess = new RedirectServerLogoutSuccessHandler();
        logoutSuccess.setLogoutSuccessUrl(URI.create("/login?logout"));
        return http.authorizeExchange(auth -> auth.pathMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health")
                        .permitAll()
                        // the buyers' portal (issue 16): clients only; a client lands on '/' and is sent
                        // on to /portail (portal.PortalLanding); every other page refuses a client
                        .pathMatchers("/portail", "/portail/**")
                        .hasRole("CLIENT")
                        .pathMatchers("/logout")
                        .hasAnyRole("ADMIN", "VIEWER", "CLIENT")
                        .pathMatchers(HttpMethod.GET, "/")
                        .hasAnyRole("ADMIN", "VIEWER", "CLIENT")
                        .pathMatchers(HttpMethod.GET, "/**")
                        .hasAnyRole("ADMIN", "VIEWER")
                        .pathMatchers("/entity", "/logout")
                        .hasAnyRole("ADMIN", "VIEWER")
                        .anyExchange()
                        .hasRole("ADMIN"))
                .addFilterBefore(AdminAuthentication.clientAddressFilter(), SecurityWebFiltersOrder.FORM_LOGIN)
                .formLogin(form -> form.loginPage("/login")
                        .authenticationManager(consoleLogins)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler((exchange, e) -> e instanceof LoginThrottled
                                ? throttled.onAuthenticationFailure(exchange, e)
                                : wrongPassword.onAuthenticationFailure(exchange, e)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(
                        ex -> ex.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .build();
    }
}
