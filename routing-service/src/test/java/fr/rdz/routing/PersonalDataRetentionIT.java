package fr.rdz.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataRetentionJob;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The retention limit in routing, through the real consumers and the real Mongo, with the limit
 * computed from the context's clock: the record of a lead received a day before the limit is
 * erased as an erasure would (flag, blank contact, history line by {@code retention}) and its old
 * ledger line loses the phone; a lead received a day after the limit and its ledger line are
 * untouched; a second run changes nothing more.
 */
class PersonalDataRetentionIT extends RoutingIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PersonalDataRetentionJob job;

    @Autowired
    PersonalDataRetention retention;

    @BeforeEach
    void now() {
        clock.set(START);
    }

    @Test
    void erasesRecordsOfLeadsReceivedBeforeTheLimitOnce() {
        Instant limit = retention.expiredBefore(clock).truncatedTo(ChronoUnit.MILLIS);
        LeadData old =
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, "PV-RET-1", "2A", limit.minus(Duration.ofDays(1)));
        LeadData young =
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, "PV-RET-1", "2A", limit.plus(Duration.ofDays(1)));
        for (LeadData lead : List.of(old, young)) {
            publish(Leads.received(lead, LeadStatus.PENDING, lead.receivedAt()));
            tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
            publish(Leads.delivered(
                    lead, "c-ret-1", "cmd-ret-1", lead.receivedAt().plus(Duration.ofHours(2))));
        }
        // settled: both records have their delivery and an empty outbox, both ledger lines exist
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(old) && settled(young));
        Document youngRecord = raw("leads", young.leadId());
        Document youngLine = ledgerLine(young);

        Map<String, Long> first = job.run().block(TIMEOUT);

        assertThat(first.get("leads")).isGreaterThanOrEqualTo(1L);
        assertThat(first.get("delivery_ledger")).isGreaterThanOrEqualTo(1L);
        Document erased = raw("leads", old.leadId());
        assertThat(erased.getBoolean("erased")).isTrue();
        Document lead = erased.get("lead", Document.class);
        Document contact = lead.get("contact", Document.class);
        assertThat(contact.keySet()).containsExactly("departement");
        assertThat(lead.get("consent", Document.class)).doesNotContainKeys("ip", "userAgent");
        assertThat(lead.getString("leadId")).isEqualTo(old.leadId());
        assertThat(erased.getString("status")).isEqualTo("delivered");
        List<Document> history = erased.getList("history", Document.class);
        assertThat(history.get(history.size() - 1))
                .containsEntry("type", "erased")
                .containsEntry("by", "retention");
        assertThat(ledgerLine(old)).doesNotContainKey("phone").containsEntry("clientId", "c-ret-1");
        assertThat(raw("leads", young.leadId())).isEqualTo(youngRecord);
        assertThat(ledgerLine(young)).isEqualTo(youngLine).containsEntry("phone", young.phone());

        Document erasedOnce = raw("leads", old.leadId());
        Map<String, Long> second = job.run().block(TIMEOUT);

        assertThat(second).containsEntry("leads", 0L).containsEntry("delivery_ledger", 0L);
        assertThat(raw("leads", old.leadId())).isEqualTo(erasedOnce);
        assertThat(raw("leads", young.leadId())).isEqualTo(youngRecord);
    }

    private boolean settled(LeadData lead) {
        Document record = raw("leads", lead.leadId());
        return record != null
                && record.getList("outbox", Document.class, List.of()).isEmpty()
                && "delivered".equals(record.getString("status"))
                && ledgerLine(lead) != null;
    }

    private Document ledgerLine(LeadData lead) {
        return mongo.findOne(Query.query(Criteria.where("leadId").is(lead.leadId())), Document.class, "delivery_ledger")
                .block(TIMEOUT);
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection)
                .block(TIMEOUT);
    }
}
