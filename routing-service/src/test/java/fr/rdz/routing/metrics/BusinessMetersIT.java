package fr.rdz.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.Leads;
import fr.rdz.routing.RoutingIntegrationTest;
import fr.rdz.stack.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Routing's business meters, as Prometheus scrapes them from {@code /actuator/prometheus}. */
class BusinessMetersIT extends RoutingIntegrationTest {

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void countsLeadsRoutedByStateOnceEvenWhenTheEventIsRedelivered() {
        clock.set(START);
        tap();
        double before = scrape().value("rdz_leads_routed_total", "entity=ZR7", "state=invalid")
                .orElse(0);

        LeadData lead = Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, "PV-METERS", "2B", clock.instant());
        Envelope<LeadReceived> received = Leads.received(lead, LeadStatus.INVALID_PHONE, clock.instant());
        publish(received);
        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.INVALID);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape().value("rdz_leads_routed_total", "entity=ZR7", "state=invalid"))
                        .hasValue(before + 1));

        // the same event again (a redelivery): the lead is routed once, counted once
        publish(received);
        LeadData next = Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, "PV-METERS", "2B", clock.instant());
        publish(Leads.received(next, LeadStatus.INVALID_PHONE, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(next.leadId()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape().value("rdz_leads_routed_total", "entity=ZR7", "state=invalid"))
                        .hasValue(before + 2));
        assertThat(scrape().text()).doesNotContain(lead.leadId()).doesNotContain(lead.phone());
    }

    /**
     * The text {@code /actuator/prometheus} serves, from the registry behind it: on main the endpoint
     * is denied to every caller; once the scraper user exists (branch kit), read it over HTTP.
     */
    private PrometheusScrape scrape() {
        return new PrometheusScrape(prometheus.scrape());
    }
}
