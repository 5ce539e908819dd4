package fr.rdz.kit;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import fr.rdz.events.Entity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The short-lived token the console sends to a service on an operator's behalf, instead of the
 * operator's password: a JWT signed with HS256 by the shared secret, holding the operator's name
 * ({@code sub}), {@code role} and, when scoped, {@code entity}. A service verifies it with Spring
 * Security's resource-server support and maps it to the same authorities as HTTP Basic
 * ({@code ROLE_ADMIN}/{@code ROLE_VIEWER}, {@code ENTITY_x}), so {@link RdzSecurity#currentOperator()}
 * and every scope rule work unchanged.
 */
public final class ConsoleTokens {

    public static final String ISSUER = "rdz-console";
    static final String ROLE_CLAIM = "role";
    static final String ENTITY_CLAIM = "entity";
    static final String CLIENT_ID_CLAIM = "client_id";
    /** Tolerated clock difference between the console and a service. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    private final SecretKey key;
    private final Duration validity;
    private final Clock clock;

    public ConsoleTokens(ConsoleTokenProperties properties, Clock clock) {
        if (!properties.enabled()) {
            throw new IllegalStateException(
                    "No console token secret: set RDZ_CONSOLE_TOKEN_SECRET "
                            + "(rdz.security.console-token.secret, at least 32 bytes). Only the 'local' profile has a default.");
        }
        byte[] secret = properties.getSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("rdz.security.console-token.secret must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.validity = properties.getValidity();
        this.clock = clock;
    }

    /** A token for {@code operator}, valid from now for the configured validity. */
    public String issue(Operator operator) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(operator.name())
                .issuedAt(now)
                .expiresAt(now.plus(validity))
                .claim(ROLE_CLAIM, operator.role().name().toLowerCase(Locale.ROOT));
        operator.scope().ifPresent(entity -> claims.claim(ENTITY_CLAIM, entity.name()));
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    /**
     * A token for whoever is signed in to the console: a buyer (role {@code client}) gets
     * {@code role: client} and its {@code client_id}; an operator gets {@link #issue(Operator)}.
     */
    public String issueFor(org.springframework.security.core.Authentication authentication) {
        return PortalClient.of(authentication)
                .map(this::issue)
                .orElseGet(() -> issue(RdzUsers.operator(authentication)));
    }

    /** A token for a buyer: {@code role: client}, {@code client_id}; no entity. */
    public String issue(PortalClient client) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(client.name())
                .issuedAt(now)
                .expiresAt(now.plus(validity))
                .claim(ROLE_CLAIM, "client")
                .claim(CLIENT_ID_CLAIM, client.clientId())
                .build();
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** The verification: HS256 signature by the shared secret, issuer, expiry (small skew) by the injected clock. */
    public ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> hasExpiry = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no expiry", null));
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER), hasExpiry));
        return decoder;
    }

    /**
     * A verified token as the same authorities HTTP Basic gives: {@code ROLE_*} and {@code ENTITY_*};
     * a buyer's token ({@code role: client}) gives {@code ROLE_CLIENT} and its client id, and no
     * role at all without a {@code client_id} (so it is refused everywhere).
     */
    public static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if ("client".equals(role)) {
            String clientId = jwt.getClaimAsString(CLIENT_ID_CLAIM);
            if (clientId != null && !clientId.isBlank()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_CLIENT"));
                authorities.add(new SimpleGrantedAuthority(PortalClient.AUTHORITY_PREFIX + clientId));
            }
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        }
        RdzSecurityProperties.Role parsed =
                "admin".equals(role) ? RdzSecurityProperties.Role.ADMIN : RdzSecurityProperties.Role.VIEWER;
        authorities.add(new SimpleGrantedAuthority("ROLE_" + parsed.name()));
        String entity = jwt.getClaimAsString(ENTITY_CLAIM);
        if (entity != null) {
            authorities.add(new SimpleGrantedAuthority(
                    RdzSecurity.ENTITY_AUTHORITY_PREFIX + Entity.valueOf(entity).name()));
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /**
     * The hook a service's security chain calls: when a secret is configured, {@code Authorization:
     * Bearer} tokens of the console are accepted beside HTTP Basic; without one nothing changes.
     */
    public static void acceptConsoleTokens(ServerHttpSecurity http, ConsoleTokenProperties properties, Clock clock) {
        if (!properties.enabled()) {
            return;
        }
        ConsoleTokens tokens = new ConsoleTokens(properties, clock);
        http.oauth2ResourceServer(server -> server.jwt(
                jwt -> jwt.jwtDecoder(tokens.decoder()).jwtAuthenticationConverter(ConsoleTokens::authentication)));
    }
}
