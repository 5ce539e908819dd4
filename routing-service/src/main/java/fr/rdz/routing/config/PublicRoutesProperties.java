package fr.rdz.routing.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing's public routes ({@code /public/**}: the opposition page, the signed proof packs).
 *
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies whose {@code Forwarded} /
 *     {@code X-Forwarded-For} headers are believed (none by default: the client is the TCP peer), as intake's
 * @param rateLimit per-client limit on {@code /public/**}, as intake's
 */
@ConfigurationProperties("rdz.public-routes")
public record PublicRoutesProperties(@DefaultValue List<String> trustedProxies, @DefaultValue RateLimit rateLimit) {

    /**
     * @param requestsPerPeriod requests one client may make per period
     * @param maxTrackedClients clients whose budget is remembered at once (least used forgotten first)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int requestsPerPeriod,
            @DefaultValue("1s") Duration period,
            @DefaultValue("50000") int maxTrackedClients) {}
}
