package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The real admin security chain ({@link RdzSecurity}, {@link AdminAuthentication}) in front of a
 * route, over HTTP: wrong passwords are throttled per user name and per address, verified credentials
 * are not re-hashed on every request, user names are exact.
 */
class AdminAuthenticationTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger hashChecks = new AtomicInteger();

    private WebTestClient service(int maxPerUser, int maxPerAddress) {
        RdzSecurityProperties properties = new RdzSecurityProperties();
        properties.setAdminPassword("s3cret-admin");
        RdzSecurityProperties.User viewer = new RdzSecurityProperties.User();
        viewer.setName("viewer");
        viewer.setPassword("s3cret-viewer");
        properties.setUsers(List.of(viewer));
        properties.getLoginThrottle().setMaxFailuresPerUser(maxPerUser);
        properties.getLoginThrottle().setMaxFailuresPerAddress(maxPerAddress);
        properties.getLoginThrottle().setWindow(Duration.ofMinutes(5));
        PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashChecks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        AdminAuthentication authentication = new AdminAuthentication(
                RdzSecurity.users(properties, bcrypt), counting, properties.getLoginThrottle(), clock);
        var chain = RdzSecurity.filterChain(ServerHttpSecurity.http(), properties, authentication);
        return WebTestClient.bindToRouterFunction(RouterFunctions.route()
                        .GET("/admin/ping", r -> ServerResponse.ok().bodyValue("pong"))
                        .build())
                .webFilter(new WebFilterChainProxy(chain))
                .build();
    }

    private WebTestClient.ResponseSpec ping(WebTestClient web, String user, String password) {
        return web.get()
                .uri("/admin/ping")
                .headers(h -> h.setBasicAuth(user, password))
                .exchange();
    }

    @Test
    void throttlesWrongPasswordsOfOneUserWithoutCheckingThem() {
        WebTestClient web = service(5, 1000);
        for (int i = 0; i < 5; i++) {
            ping(web, "admin", "guess-" + i).expectStatus().isUnauthorized();
        }
        int checked = hashChecks.get();

        ping(web, "admin", "guess-6")
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "300");
        // even the right password waits for the window: a guesser cannot tell
        ping(web, "admin", "s3cret-admin").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(hashChecks.get()).isEqualTo(checked);
        // another user is not blocked by admin's failures
        ping(web, "viewer", "s3cret-viewer").expectStatus().isOk();

        now.set(now.get().plus(Duration.ofMinutes(5)).plusSeconds(1));
        ping(web, "admin", "s3cret-admin").expectStatus().isOk();
    }

    @Test
    void throttlesOneAddressTryingManyUserNames() {
        WebTestClient web = service(1000, 5);
        for (int i = 0; i < 5; i++) {
            ping(web, "user-" + i, "guess").expectStatus().isUnauthorized();
        }
        ping(web, "viewer", "s3cret-viewer").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void checksVerifiedCredentialsOnceForAWhile() {
        WebTestClient web = service(5, 1000);
        for (int i = 0; i < 20; i++) {
            ping(web, "admin", "s3cret-admin").expectStatus().isOk();
        }
        assertThat(hashChecks.get()).isEqualTo(1);
        ping(web, "admin", "s3cret-admin-not").expectStatus().isUnauthorized();

        now.set(now.get().plus(Duration.ofMinutes(2)));
        ping(web, "admin", "s3cret-admin").expectStatus().isOk();
        assertThat(hashChecks.get()).isEqualTo(3);
    }

    @Test
    void matchesUserNamesExactly() {
        WebTestClient web = service(5, 1000);
        ping(web, "Admin", "s3cret-admin").expectStatus().isUnauthorized();
        ping(web, "ADMIN", "s3cret-admin").expectStatus().isUnauthorized();
        ping(web, "admin", "s3cret-admin").expectStatus().isOk();
    }
}
