package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console calls the services on a new connection each time, never on a pooled one: reactor-netty
 * 1.2's pooled client now and then leaves a reused connection with reading switched off, and the
 * service's answer then waits unread until the console's timeout (an error page for the operator).
 * Seen in RDZ's own tests: routing's answers sat unread in a pooled client socket for 30-120 s.
 */
class BackendConnectionsTest extends PagesTestBase {

    @Test
    void everyCallToAServiceGoesOnItsOwnConnection() {
        ROUTING.on("GET", "/admin/clients", 200, "[]");
        ROUTING.on("GET", "/admin/leads/L1", 200, "{\"id\":\"L1\",\"deliveries\":[],\"history\":[]}");

        for (int i = 0; i < 4; i++) {
            html(admin(), "/leads/L1");
        }

        List<Integer> ports = ROUTING.received().stream()
                .map(StandInService.Received::clientPort)
                .toList();
        assertThat(ports).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
    }
}
