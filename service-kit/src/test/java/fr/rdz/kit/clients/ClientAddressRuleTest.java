package fr.rdz.kit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressRuleTest {

    private final ClientAddressRule rule = ClientAddressRule.of(List.of("10.0.0.0/8", "2001:db8::/32"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItWrites() {
        assertThat(client("198.51.100.7", List.of("for=1.2.3.4"), List.of("1.2.3.4, 10.0.0.1")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        ClientAddressRule none = ClientAddressRule.of(List.of());
        assertThat(none.client(ip("10.0.0.1"), List.of(), List.of("1.2.3.4"))).contains(ip("10.0.0.1"));
    }

    @Test
    void theClientIsTheRightmostHopThatIsNoTrustedProxy() {
        assertThat(client("10.0.0.1", List.of(), List.of("6.6.6.6, 203.0.113.9, 10.1.1.1")))
                .isEqualTo("203.0.113.9");
        assertThat(client("10.0.0.1", List.of(), List.of("6.6.6.6", "203.0.113.9:5678")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesOnlyEndsAtItsLeftmostHop() {
        assertThat(client("10.0.0.1", List.of(), List.of("10.9.9.9, 10.1.1.1"))).isEqualTo("10.9.9.9");
        assertThat(client("10.0.0.1", List.of(), List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void aHopThatIsNoAddressStopsAtTheLastTrustedHop() {
        assertThat(client("10.0.0.1", List.of(), List.of("6.6.6.6, unknown, 10.1.1.1")))
                .isEqualTo("10.1.1.1");
        assertThat(client("10.0.0.1", List.of(), List.of("x".repeat(7000)))).isEqualTo("10.0.0.1");
        assertThat(client("10.0.0.1", List.of(), List.of("localhost"))).isEqualTo("10.0.0.1");
    }

    @Test
    void readsForwardedBeforeXForwardedFor() {
        assertThat(client(
                        "10.0.0.1",
                        List.of("for=6.6.6.6;proto=https, for=\"[2001:db9::17]:4711\";by=10.0.0.1"),
                        List.of("203.0.113.9")))
                .isEqualTo(ip("2001:db9::17").getHostAddress());
        assertThat(client("10.0.0.1", List.of("for=_hidden"), List.of("203.0.113.9")))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void parsesLiteralsOnlyAndCidrBlocks() {
        assertThat(IpLiteral.parse("example.com")).isEmpty();
        assertThat(IpLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
        assertThat(IpLiteral.parse(":::::")).isEmpty();
        assertThat(IpLiteral.parse(" 192.0.2.1 ")).contains(ip("192.0.2.1"));
        assertThat(IpLiteral.parse("::1")).contains(ip("::1"));
        assertThat(IpRange.parse("192.168.0.0/23").contains(ip("192.168.1.255")))
                .isTrue();
        assertThat(IpRange.parse("192.168.0.0/23").contains(ip("192.168.2.0"))).isFalse();
        assertThat(IpRange.parse("::1").contains(ip("::1"))).isTrue();
        assertThat(IpRange.parse("::1").contains(ip("127.0.0.1"))).isFalse();
        assertThatThrownBy(() -> IpRange.parse("proxy.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysIpv6ClientsByTheirSlash64() {
        assertThat(RateLimitKey.of(ip("2001:db8:1:2:aaaa::1"))).isEqualTo(RateLimitKey.of(ip("2001:db8:1:2::ffff")));
        assertThat(RateLimitKey.of(ip("2001:db8:1:2::1"))).isNotEqualTo(RateLimitKey.of(ip("2001:db8:1:3::1")));
        assertThat(RateLimitKey.of(ip("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    private String client(String peer, List<String> forwarded, List<String> forwardedFor) {
        return rule.client(ip(peer), forwarded, forwardedFor).orElseThrow().getHostAddress();
    }

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
