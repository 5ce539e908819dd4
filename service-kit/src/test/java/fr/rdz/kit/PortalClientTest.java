package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A buyer of the client portal (issue 16): its console token carries {@code role: client} and its
 * {@code client_id}, verified into {@code ROLE_CLIENT} and that one client id; a client token without
 * a client id gets no role at all; a configured buyer needs its client id, and only buyers may have one.
 */
class PortalClientTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private ConsoleTokens tokens() {
        ConsoleTokenProperties properties = new ConsoleTokenProperties();
        properties.setSecret("portal-client-test-secret-0123456789abcdef");
        properties.setValidity(Duration.ofMinutes(5));
        return new ConsoleTokens(properties, clock);
    }

    private Authentication verified(String token) {
        ConsoleTokens tokens = tokens();
        return tokens.decoder()
                .decode(token)
                .flatMap(ConsoleTokens::authentication)
                .block(Duration.ofSeconds(5));
    }

    @Test
    void aBuyersTokenStandsForItsOwnClientIdOnly() {
        Authentication auth = verified(tokens().issue(new PortalClient("acme", "cl-a")));

        assertThat(auth.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CLIENT", "CLIENT_ID_cl-a");
        assertThat(PortalClient.of(auth)).contains(new PortalClient("acme", "cl-a"));
        assertThat(RdzUsers.operator(auth).role()).isEqualTo(RdzSecurityProperties.Role.CLIENT);
    }

    @Test
    void anOperatorsTokenIsNoBuyer() {
        Authentication auth = verified(tokens().issue(new Operator("alice", RdzSecurityProperties.Role.ADMIN, null)));

        assertThat(PortalClient.of(auth)).isEmpty();
        assertThat(auth.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void aClientTokenWithoutClientIdHasNoRole() {
        // an operator of role CLIENT (no client id) issued through the operator path: role client, no client_id
        Authentication auth =
                verified(tokens().issue(new Operator("mallory", RdzSecurityProperties.Role.CLIENT, null)));

        assertThat(auth.getAuthorities()).isEmpty();
        assertThat(PortalClient.of(auth)).isEmpty();
    }

    @Test
    void aConfiguredBuyerNeedsItsClientIdAndOnlyBuyersHaveOne() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        RdzSecurityProperties noId = properties(user("acme", RdzSecurityProperties.Role.CLIENT, null));
        assertThatThrownBy(() -> RdzSecurity.users(noId, encoder)).hasMessageContaining("client-id");
        RdzSecurityProperties viewerWithId = properties(user("victor", RdzSecurityProperties.Role.VIEWER, "cl-a"));
        assertThatThrownBy(() -> RdzSecurity.users(viewerWithId, encoder)).hasMessageContaining("client-id");

        var users = RdzSecurity.users(properties(user("acme", RdzSecurityProperties.Role.CLIENT, "cl-a")), encoder);
        assertThat(users.findByUsername("acme").block().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CLIENT", "CLIENT_ID_cl-a");
    }

    private static RdzSecurityProperties.User user(String name, RdzSecurityProperties.Role role, String clientId) {
        RdzSecurityProperties.User user = new RdzSecurityProperties.User();
        user.setName(name);
        user.setPassword("a-password-1");
        user.setRole(role);
        user.setClientId(clientId);
        return user;
    }

    private static RdzSecurityProperties properties(RdzSecurityProperties.User user) {
        RdzSecurityProperties properties = new RdzSecurityProperties();
        properties.setUsers(List.of(user));
        return properties;
    }
}
