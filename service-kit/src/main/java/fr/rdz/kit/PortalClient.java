package fr.rdz.kit;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * The buyer behind a {@code /portal/**} request: a user of role {@code client} bound to one client
 * id (rdz.security {@code client-id}, or the {@code client_id} claim of the console's token). Every
 * portal route answers for this client id only — never for a client id taken from the request —
 * so one buyer can neither read nor act on another's data, whatever the console sends.
 */
public record PortalClient(String name, String clientId) {

    public static final String AUTHORITY_PREFIX = "CLIENT_ID_";

    /** The buyer of the current request; empty when the caller is not a client user. */
    public static Mono<PortalClient> current() {
        return ReactiveSecurityContextHolder.getContext().flatMap(ctx -> Mono.justOrEmpty(of(ctx.getAuthentication())));
    }

    /** The buyer an authentication stands for: role client and exactly one client id. */
    public static Optional<PortalClient> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        boolean client = false;
        String clientId = null;
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String value = a.getAuthority();
            if ("ROLE_CLIENT".equals(value)) {
                client = true;
            } else if (value != null && value.startsWith(AUTHORITY_PREFIX)) {
                if (clientId != null) {
                    return Optional.empty();
                }
                clientId = value.substring(AUTHORITY_PREFIX.length());
            }
        }
        return client && clientId != null && !clientId.isBlank()
                ? Optional.of(new PortalClient(authentication.getName(), clientId))
                : Optional.empty();
    }
}
