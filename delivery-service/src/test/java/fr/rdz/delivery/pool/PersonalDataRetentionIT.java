package fr.rdz.delivery.pool;

import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.Pii;
import fr.rdz.events.RoutingState;
import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataRetentionJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * The retention limit in delivery, through the real pool consumer and the real Mongo, with the
 * limit computed from the context's clock: a pool lead received a day before the limit is erased
 * as an erasure would, its ledger line gets the erasure's marker, an old published batch loses its
 * event payloads; a lead received a day after the limit, its line and its batch are untouched; a
 * second run changes nothing more.
 */
class PersonalDataRetentionIT extends DeliveryIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    PersonalDataRetentionJob job;

    @Autowired
    PersonalDataRetention retention;

    @Autowired
    Clock clock;

    @Test
    void erasesWhatWasReceivedBeforeTheLimitOnce() {
        Instant limit = retention.expiredBefore(clock).truncatedTo(ChronoUnit.MILLIS);
        Instant before = limit.minus(Duration.ofDays(1));
        Instant after = limit.plus(Duration.ofDays(1));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String oldLead = "lead-" + suffix + "-old";
        String youngLead = "lead-" + suffix + "-young";
        publish(routed(oldLead, "0631000001", "05", before, RoutingState.FRESH));
        publish(routed(youngLead, "0631000002", "05", after, RoutingState.FRESH));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == 2);
        insert(MongoCollections.LEDGER, line(oldLead, "0631000001", before.plus(Duration.ofHours(2))));
        insert(MongoCollections.LEDGER, line(youngLead, "0631000002", after.plus(Duration.ofHours(2))));
        insert(MongoCollections.BATCHES, batch("old-" + suffix, before));
        insert(MongoCollections.BATCHES, batch("young-" + suffix, after.plus(Duration.ofDays(1))));
        insert(MongoCollections.BATCHES, bigBatch("old-big-" + suffix, before));
        insert(MongoCollections.BATCHES, bigBatch("young-big-" + suffix, after.plus(Duration.ofDays(1))));
        for (String id : List.of("old-big-" + suffix, "young-big-" + suffix)) {
            for (int part = 1; part <= 2; part++) {
                insert(
                        MongoCollections.BATCH_PARTS,
                        new Document("_id", id + "#" + part)
                                .append("batch_id", id)
                                .append("part", part)
                                .append("planned_event", "{\"payload\":{\"leads\":[{\"phone\":\"0631000004\"}]}}")
                                .append("delivered_events", List.of("{\"payload\":{\"phone\":\"0631000004\"}}")));
            }
        }
        Document youngBefore = raw(MongoCollections.POOL, youngLead);

        Map<String, Long> first = job.run().block(TIMEOUT);

        assertThat(first.get("pool_leads")).isGreaterThanOrEqualTo(1L);
        Document erased = raw(MongoCollections.POOL, oldLead);
        assertThat(erased.getBoolean("erased")).isTrue();
        assertThat(erased.getBoolean("distributable")).isFalse();
        assertThat(erased.get("phone")).isNull();
        assertThat(erased.getString("departement")).isEqualTo("05");
        Document contact = erased.get("lead", Document.class).get("contact", Document.class);
        assertThat(contact.get("nom")).isNull();
        assertThat(contact.get("email")).isNull();
        assertThat(contact.get("phone")).isNull();
        assertThat(contact.getString("departement")).isEqualTo("05");
        assertThat(raw(MongoCollections.POOL, youngLead)).isEqualTo(youngBefore);
        assertThat(raw(MongoCollections.LEDGER, "run-ret:" + oldLead).getString("phone"))
                .isEqualTo("erased:" + Pii.phoneHash("0631000001"));
        assertThat(raw(MongoCollections.LEDGER, "run-ret:" + youngLead).getString("phone"))
                .isEqualTo("0631000002");
        assertThat(raw(MongoCollections.BATCHES, "old-" + suffix))
                .doesNotContainKeys("planned_event", "delivered_events")
                .containsEntry("lead_ids", List.of("lead-x"));
        assertThat(raw(MongoCollections.BATCHES, "young-" + suffix)).containsKeys("planned_event", "delivered_events");
        assertThat(raw(MongoCollections.BATCH_PARTS, "old-big-" + suffix + "#1"))
                .isNull();
        assertThat(raw(MongoCollections.BATCH_PARTS, "old-big-" + suffix + "#2"))
                .isNull();
        assertThat(raw(MongoCollections.BATCHES, "old-big-" + suffix))
                .containsEntry("payloads_erased", true)
                .containsEntry("lead_ids", List.of("lead-y"));
        assertThat(raw(MongoCollections.BATCH_PARTS, "young-big-" + suffix + "#1"))
                .isNotNull();
        assertThat(raw(MongoCollections.BATCH_PARTS, "young-big-" + suffix + "#2"))
                .isNotNull();

        Document erasedOnce = raw(MongoCollections.POOL, oldLead);
        Document oldLine = raw(MongoCollections.LEDGER, "run-ret:" + oldLead);
        Map<String, Long> second = job.run().block(TIMEOUT);

        assertThat(second)
                .containsEntry("pool_leads", 0L)
                .containsEntry("ledger", 0L)
                .containsEntry("batches", 0L);
        assertThat(raw(MongoCollections.POOL, oldLead)).isEqualTo(erasedOnce);
        assertThat(raw(MongoCollections.LEDGER, "run-ret:" + oldLead)).isEqualTo(oldLine);
        assertThat(raw(MongoCollections.POOL, youngLead)).isEqualTo(youngBefore);
    }

    private static Document line(String leadId, String phone, Instant deliveredAt) {
        return new Document("_id", "run-ret:" + leadId)
                .append("lead_id", leadId)
                .append("phone", phone)
                .append("product", "PV")
                .append("client_id", "cl-ret")
                .append("run_id", "run-ret")
                .append("delivered_at", Date.from(deliveredAt));
    }

    private static Document batch(String id, Instant runAt) {
        return new Document("_id", id)
                .append("run_id", "run-ret-" + id)
                .append(
                        "run_date",
                        runAt.atZone(ZoneId.of("Europe/Paris")).toLocalDate().toString())
                .append("lead_ids", List.of("lead-x"))
                .append("published", true)
                .append("planned_event", "{\"payload\":{\"leads\":[{\"phone\":\"0631000003\"}]}}")
                .append("delivered_events", List.of("{\"payload\":{\"phone\":\"0631000003\"}}"));
    }

    /** A published batch whose events were written in two {@code batch_parts}. */
    private static Document bigBatch(String id, Instant runAt) {
        return new Document("_id", id)
                .append("run_id", "run-ret-" + id)
                .append(
                        "run_date",
                        runAt.atZone(ZoneId.of("Europe/Paris")).toLocalDate().toString())
                .append("lead_ids", List.of("lead-y"))
                .append("published", true)
                .append("parts", 2);
    }

    private void insert(String collection, Document document) {
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertOne(document)))
                .block(TIMEOUT);
    }

    private Document raw(String collection, String id) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .block(TIMEOUT);
    }
}
