package fr.rdz.kit;

import fr.rdz.events.Entity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The admin security rule of every service: deny by default; {@code /admin/**} behind HTTP Basic,
 * reads for {@code viewer} and {@code admin}, writes for {@code admin} only; health, OpenAPI and
 * the service's declared public paths open; 401/403 answered as JSON. Stateless: no session, no
 * saved request, no {@code SESSION} cookie.
 */
public final class RdzSecurity {

    static final String ENTITY_AUTHORITY_PREFIX = "ENTITY_";

    private RdzSecurity() {}

    static SecurityWebFilterChain filterChain(
            ServerHttpSecurity http, RdzSecurityProperties properties, AdminAuthentication authentication) {
        List<String> open = new ArrayList<>(List.of(
                "/actuator/health",
                "/actuator/health/**",
                "/actuator/info",
                "/v3/api-docs",
                "/v3/api-docs/**",
                "/swagger-ui.html",
                "/swagger-ui/**",
                "/webjars/**"));
        open.addAll(properties.getPublicPaths());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> {})
                // stateless: HTTP Basic authenticates every request; no WebSession is created or read
                // (creating one hops to the bounded-elastic scheduler on every public request)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .addFilterBefore(AdminAuthentication.clientAddressFilter(), SecurityWebFiltersOrder.HTTP_BASIC)
                .httpBasic(basic -> basic.authenticationManager(authentication)
                        .authenticationEntryPoint((exchange, e) -> e instanceof LoginThrottled throttled
                                ? throttled(exchange, throttled)
                                : json(exchange, HttpStatus.UNAUTHORIZED, "authentication required")))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                                (exchange, e) -> json(exchange, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler((exchange, e) -> json(exchange, HttpStatus.FORBIDDEN, "forbidden")))
                .authorizeExchange(auth -> auth.pathMatchers(open.toArray(String[]::new))
                        .permitAll()
                        // the monitoring scraper (user 'metrics') and admins; nobody else
                        .pathMatchers(
                                HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .hasAnyRole("METRICS", "ADMIN")
                        // a buyer (role client) calls its own portal routes only; each answers for the
                        // client id of the authentication (PortalClient), never for one it is given
                        .pathMatchers("/portal/**")
                        .hasRole("CLIENT")
                        .pathMatchers(HttpMethod.GET, "/admin/**")
                        .hasAnyRole("ADMIN", "VIEWER")
                        .pathMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyExchange()
                        .denyAll())
                .build();
    }

    /**
     * The public routes' chain: it applies to {@code rdz.security.public-paths} only (none: to no
     * request) and does no security work a public route does not need: no authentication, no
     * security context to load or save, no saved request, no CSRF token, no authorization (every
     * caller is anonymous there). It keeps the default response headers and the service's CORS rule.
     * Rate limits are the services' own web filters, outside both chains.
     */
    static SecurityWebFilterChain publicFilterChain(ServerHttpSecurity http, RdzSecurityProperties properties) {
        List<String> paths = properties.getPublicPaths();
        ServerWebExchangeMatcher publicRoutes = paths.isEmpty()
                ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
        return http.securityMatcher(publicRoutes)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> {})
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    static ExactUserDetailsService users(RdzSecurityProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (properties.getAdminPassword() != null
                && !properties.getAdminPassword().isBlank()) {
            users.add(user(
                    "admin", properties.getAdminPassword(), RdzSecurityProperties.Role.ADMIN, null, null, encoder));
        }
        if (properties.getMetricsPassword() != null
                && !properties.getMetricsPassword().isBlank()) {
            users.add(user(
                    "metrics",
                    properties.getMetricsPassword(),
                    RdzSecurityProperties.Role.METRICS,
                    null,
                    null,
                    encoder));
        }
        for (RdzSecurityProperties.User u : properties.getUsers()) {
            users.add(user(u.getName(), u.getPassword(), u.getRole(), u.getEntity(), u.getClientId(), encoder));
        }
        if (users.isEmpty()) {
            throw new IllegalStateException(
                    "No admin credentials configured: set RDZ_ADMIN_PASSWORD (or rdz.security.users). "
                            + "Only the 'local' profile has a default password.");
        }
        return new ExactUserDetailsService(users);
    }

    private static UserDetails user(
            String name,
            String password,
            RdzSecurityProperties.Role role,
            Entity entity,
            String clientId,
            PasswordEncoder encoder) {
        if (name == null || password == null || password.isBlank()) {
            throw new IllegalStateException("Every rdz.security user needs a name and a password");
        }
        boolean client = role == RdzSecurityProperties.Role.CLIENT;
        if (client != (clientId != null && !clientId.isBlank())) {
            throw new IllegalStateException("rdz.security user " + name
                    + ": a client-id is required for role client, and allowed for role client only");
        }
        String encoded = password.startsWith("{") ? password : encoder.encode(password);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        if (entity != null) {
            authorities.add(new SimpleGrantedAuthority(ENTITY_AUTHORITY_PREFIX + entity.name()));
        }
        if (client) {
            authorities.add(new SimpleGrantedAuthority(PortalClient.AUTHORITY_PREFIX + clientId.trim()));
        }
        return User.withUsername(name)
                .password(encoded)
                .authorities(authorities)
                .build();
    }

    /** The operator of the current admin request. */
    public static Mono<Operator> currentOperator() {
        return ReactiveSecurityContextHolder.getContext()
                .map(ctx -> ctx.getAuthentication())
                .map(auth -> toOperator(auth.getName(), auth.getAuthorities()));
    }

    static Operator toOperator(String name, Collection<? extends GrantedAuthority> authorities) {
        RdzSecurityProperties.Role role = RdzSecurityProperties.Role.VIEWER;
        Entity scope = null;
        for (GrantedAuthority a : authorities) {
            String value = a.getAuthority();
            if (value.equals("ROLE_ADMIN")) {
                role = RdzSecurityProperties.Role.ADMIN;
            } else if (value.equals("ROLE_CLIENT")) {
                role = RdzSecurityProperties.Role.CLIENT;
            } else if (value.startsWith(ENTITY_AUTHORITY_PREFIX)) {
                scope = Entity.valueOf(value.substring(ENTITY_AUTHORITY_PREFIX.length()));
            }
        }
        return new Operator(name, role, scope);
    }

    private static Mono<Void> throttled(ServerWebExchange exchange, LoginThrottled throttled) {
        exchange.getResponse()
                .getHeaders()
                .set("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
        return json(exchange, HttpStatus.TOO_MANY_REQUESTS, "too many failed logins, retry later");
    }

    private static Mono<Void> json(ServerWebExchange exchange, HttpStatus status, String error) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Basic realm=\"RDZ admin\"");
        }
        byte[] body =
                ("{\"status\":" + status.value() + ",\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
