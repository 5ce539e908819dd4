package fr.rdz.kit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic checking of the admin API, affordable and not brute-forceable:
 *
 * <ul>
 *   <li>credentials verified once (bcrypt) are remembered for {@code credential-cache}: the cache key is
 *       the SHA-256 of name and password, never the password; later requests skip bcrypt;
 *   <li>wrong logins are counted per user name (hashed) and per client address, each in a bounded
 *       store whose entries expire {@code window} after the first failure; past {@code max-failures-per-user}
 *       or {@code max-failures-per-address}, requests are refused at once with 429, without bcrypt.
 * </ul>
 *
 * Time is the injected {@link Clock}.
 */
public final class AdminAuthentication implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthentication.class);
    private static final String CLIENT_ADDRESS = AdminAuthentication.class.getName() + ".client";
    private static final int MAX_ENTRIES = 10_000;

    private final ReactiveAuthenticationManager passwords;
    private final Cache<String, Authentication> verified;
    private final Cache<String, AtomicInteger> failuresByUser;
    private final Cache<String, AtomicInteger> failuresByAddress;
    private final RdzSecurityProperties.LoginThrottle limits;

    public AdminAuthentication(
            ReactiveUserDetailsService users,
            PasswordEncoder encoder,
            RdzSecurityProperties.LoginThrottle limits,
            Clock clock) {
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(encoder);
        this.passwords = manager;
        this.limits = limits;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.verified = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(limits.getCredentialCache())
                .build();
        this.failuresByUser = counters(ticker, limits.getWindow());
        this.failuresByAddress = counters(ticker, limits.getWindow());
    }

    private static Cache<String, AtomicInteger> counters(Ticker ticker, Duration window) {
        // the window starts at the first failure: a get that creates the entry is its only write
        return Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(window)
                .build();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        String name = presented.getName();
        String password = String.valueOf(presented.getCredentials());
        return Mono.deferContextual(context -> {
            String address = context.getOrDefault(CLIENT_ADDRESS, "unknown");
            String user = sha256("user\u0000" + name);
            if (exceeded(failuresByUser, user, limits.getMaxFailuresPerUser())
                    || exceeded(failuresByAddress, address, limits.getMaxFailuresPerAddress())) {
                return Mono.error(new LoginThrottled(limits.getWindow()));
            }
            String credentials = sha256(name + "\u0000" + password);
            Authentication known = verified.getIfPresent(credentials);
            if (known != null) {
                return Mono.just(known);
            }
            return passwords
                    .authenticate(presented)
                    .map(AdminAuthentication::withoutSecrets)
                    .doOnNext(ok -> {
                        verified.put(credentials, ok);
                        failuresByUser.invalidate(user);
                    })
                    .doOnError(AuthenticationException.class, e -> {
                        int byUser = failuresByUser
                                .get(user, k -> new AtomicInteger())
                                .incrementAndGet();
                        int byAddress = failuresByAddress
                                .get(address, k -> new AtomicInteger())
                                .incrementAndGet();
                        if (byUser == limits.getMaxFailuresPerUser()
                                || byAddress == limits.getMaxFailuresPerAddress()) {
                            log.warn(
                                    "Admin logins throttled for {}: {} failures for this user name, {} from this address",
                                    limits.getWindow(),
                                    byUser,
                                    byAddress);
                        }
                    });
        });
    }

    private static boolean exceeded(Cache<String, AtomicInteger> failures, String key, int max) {
        AtomicInteger count = failures.getIfPresent(key);
        return count != null && count.get() >= max;
    }

    /** The authenticated operator, without the stored password hash. */
    private static Authentication withoutSecrets(Authentication authenticated) {
        Object principal = authenticated.getPrincipal();
        if (principal instanceof UserDetails details) {
            User copy = (User) User.withUserDetails(details).build();
            copy.eraseCredentials();
            principal = copy;
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authenticated.getAuthorities());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Puts the caller's address where {@link AdminAuthentication} reads it; placed before HTTP Basic or form login. */
    public static WebFilter clientAddressFilter() {
        return (ServerWebExchange exchange, WebFilterChain chain) -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            String address = remote == null
                    ? "unknown"
                    : remote.getAddress() == null
                            ? remote.getHostString()
                            : remote.getAddress().getHostAddress();
            return chain.filter(exchange).contextWrite(ctx -> ctx.put(CLIENT_ADDRESS, address));
        };
    }
}
