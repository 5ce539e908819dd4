package fr.rdz.delivery.pool;

import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth for spec §11: routing never makes a lead without consent {@code fresh}, but
 * should one arrive so (an older routing, a replayed event), delivery keeps it out of every run.
 */
class RefusedConsentIT extends DeliveryIntegrationTest {

    @Test
    void aLeadWhosePersonRefusedToBeCalledIsNeverDistributedEvenIfRoutedFresh() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LeadRouted consenting = routed(
                "lead-" + suffix + "-yes",
                "0620000011",
                "69",
                Instant.parse("2030-01-07T10:00:00Z"),
                RoutingState.FRESH);
        LeadData lead = routed(
                        "lead-" + suffix + "-no",
                        "0620000012",
                        "69",
                        Instant.parse("2030-01-07T10:00:00Z"),
                        RoutingState.FRESH)
                .lead();
        ConsentProof given = lead.consent();
        LeadRouted refusing = new LeadRouted(
                new LeadData(
                        lead.leadId(),
                        lead.receivedAt(),
                        lead.entity(),
                        lead.product(),
                        lead.contact(),
                        lead.project(),
                        lead.source(),
                        new ConsentProof(
                                false,
                                given.consentText(),
                                given.pageUrl(),
                                given.ip(),
                                given.userAgent(),
                                given.consentedAt())),
                RoutingState.FRESH,
                List.of(),
                null);
        publish(consenting);
        publish(refusing);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                        MongoCollections.POOL,
                                        Filters.and(
                                                Filters.eq("_id", "lead-" + suffix + "-no"),
                                                Filters.eq("distributable", false)))
                                == 1
                        && count(
                                        MongoCollections.POOL,
                                        Filters.and(
                                                Filters.eq("_id", "lead-" + suffix + "-yes"),
                                                Filters.eq("distributable", true)))
                                == 1);
    }
}
