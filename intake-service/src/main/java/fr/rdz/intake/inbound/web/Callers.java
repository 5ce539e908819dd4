package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** Who is calling: the client IP (first {@code X-Forwarded-For} entry behind the proxy, else the peer) and the user agent. */
@Component
public class Callers {

    private final boolean trustForwardedFor;

    public Callers(IntakeProperties properties) {
        this.trustForwardedFor = properties.trustForwardedFor();
    }

    public String ip(ServerHttpRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? ""
                : remote.getAddress().getHostAddress();
    }

    public String userAgent(ServerHttpRequest request) {
        String ua = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return ua == null ? "" : ua;
    }
}
