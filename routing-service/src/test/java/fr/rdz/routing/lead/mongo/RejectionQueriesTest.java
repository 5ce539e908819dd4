package fr.rdz.routing.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.Product;
import fr.rdz.routing.config.MongoIndexes;
import fr.rdz.routing.outbox.PendingOutbox;
import fr.rdz.routing.support.RecordingWireServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a rejection (an operator's, or a buyer's return from the portal) writes the lead's record with a
 * compare-and-set on {@code (_id, historyVersion)}, the unique index {@code history_cas}: an index lookup on the
 * Mongo stand-in, which keeps only unique indexes. Until issue 17 the update filtered on {@code _id} and
 * {@code rejectedClientIds $ne}: a scan of every routing record, per rejection.
 */
class RejectionQueriesTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final RecordingWireServer server = new RecordingWireServer("rdz_routing");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRejectionIsACompareAndSetOnAUniqueKeyAndHappensOncePerClient() {
        new MongoIndexes(server.mongo()).afterPropertiesSet();
        server.mongo()
                .insert(
                        IntStream.range(0, 300)
                                .mapToObj(i -> new Document("_id", "lead-" + i)
                                        .append("historyVersion", 0)
                                        .append("history", List.of())
                                        .append("outbox", List.of()))
                                .toList(),
                        "leads")
                .blockLast();
        MongoLeadRecords records = new MongoLeadRecords(
                server.mongo(),
                new LeadLookupProjector(server.mongo()),
                new PendingOutbox(server.mongo(), Clock.fixed(AT, ZoneOffset.UTC)));
        DeliveryRef delivery = new DeliveryRef("client-a", "cmd-1", "batch-1", "run-1", AT, "fresh", false);
        server.forget();

        records.markRejected("lead-7", delivery, "Faux numéro", "admin", rejected("lead-7"), AT)
                .block();
        records.markRejected("lead-7", delivery, "Faux numéro", "admin", rejected("lead-7"), AT)
                .block();

        Document lead =
                server.mongo().findById("lead-7", Document.class, "leads").block();
        assertThat(lead.getList("rejectedClientIds", String.class)).containsExactly("client-a");
        assertThat(lead.getList("history", Document.class)).hasSize(1);
        assertThat(lead.getList("outbox", Document.class)).hasSize(1);
        assertThat(lead.getString("status")).isEqualTo("rejected");
        List<BsonDocument> updates = server.commands().stream()
                .filter(c -> c.containsKey("update")
                        && c.get("update").isString()
                        && c.getString("update").getValue().equals("leads"))
                .flatMap(c ->
                        c.getArray("updates").stream().map(u -> u.asDocument().getDocument("q")))
                .toList();
        assertThat(updates)
                .hasSize(1)
                .allSatisfy(q -> assertThat(q.keySet()).containsExactlyInAnyOrder("_id", "historyVersion"))
                .allSatisfy(q -> assertThat(q.values()).noneMatch(v -> v.isDocument()));
        assertThat(server.reads())
                .filteredOn(r -> r.getString("find").getValue().equals("leads"))
                .allSatisfy(r -> assertThat(r.getDocument("filter").keySet()).containsExactly("_id"));
    }

    private static Envelope<LeadRejected> rejected(String leadId) {
        return Envelope.of(
                new LeadRejected(
                        leadId, "0612345678", Product.PV, Entity.ZR7, "client-a", "batch-1", "Faux numéro", AT),
                "routing-service",
                AT);
    }
}
