package fr.rdz.console.config;

import fr.rdz.kit.ConsoleTokenProperties;
import fr.rdz.kit.ConsoleTokens;
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
 * CSRF on every form and htmx request, logout at {@code /logout}. Reads for {@code viewer} and
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

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http) {
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
                .formLogin(form -> form.loginPage("/login")
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(
                        ex -> ex.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .build();
    }
}
