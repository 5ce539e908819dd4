package fr.rdz.routing.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import fr.rdz.routing.config.MongoIndexes;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.HistoryOnce;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.lead.mongo.LedgerEntry;
import fr.rdz.routing.lead.mongo.MongoDailyRuns;
import fr.rdz.routing.lead.mongo.MongoLeadFacts;
import fr.rdz.routing.lead.mongo.MongoLeadRecords;
import fr.rdz.routing.lead.mongo.PendingLeadFact;
import fr.rdz.routing.lead.mongo.PhoneFacts;
import fr.rdz.routing.lead.mongo.PhoneFactsStore;
import fr.rdz.routing.outbox.PendingOutbox;
import fr.rdz.routing.stats.mongo.FigureStore;
import fr.rdz.routing.support.RecordingWireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Routing's consumers against the Mongo wire server the stack runs (which keeps only unique
 * indexes: a filter whose fields are not exactly those of a unique index scans its collection):
 * with thousands of routing records and ledger lines stored, recording a delivery and a channel
 * outcome and reading a phone's facts for routing send only unique-key filters (or read the small
 * pending collection), and each fact still reaches the lead's history exactly once.
 */
class RecordingDeliveriesAtVolumeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    private RecordingWireServer wire;
    private RecordingDeliveries deliveries;
    private PhoneFactsStore phoneFacts;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_routing_volume_test");
        new MongoIndexes(wire.mongo()).afterPropertiesSet();
        phoneFacts = new PhoneFactsStore(wire.mongo());
        deliveries = new RecordingDeliveries(
                new MongoLeadFacts(wire.mongo(), phoneFacts, new HistoryOnce(wire.mongo())),
                new MongoLeadRecords(
                        wire.mongo(),
                        new LeadLookupProjector(wire.mongo()),
                        new PendingOutbox(wire.mongo(), Clock.fixed(NOW, ZoneOffset.UTC))),
                new MongoDailyRuns(wire.mongo()),
                new FigureStore(wire.mongo(), new fr.rdz.routing.stats.mongo.FigureRollupProjector(wire.mongo())));
    }

    /** Thousands of routing records and ledger lines already stored. */
    private void storeVolume() {
        List<LeadDocument> stored =
                IntStream.range(0, 2_000).mapToObj(i -> record("stored-" + i)).toList();
        List<LedgerEntry> lines = IntStream.range(0, 2_000)
                .mapToObj(i -> new LedgerEntry(
                        "stored-" + i + ":client-a:batch-0",
                        "stored-" + i,
                        "06123" + (10_000 + i),
                        Product.PAC,
                        "client-a",
                        NOW.minusSeconds(3600),
                        "delivered-" + i,
                        "commande-1",
                        "batch-0",
                        "run-0",
                        "fresh",
                        false))
                .toList();
        for (int from = 0; from < stored.size(); from += 500) {
            wire.mongo().insertAll(stored.subList(from, from + 500)).blockLast();
            wire.mongo().insertAll(lines.subList(from, from + 500)).blockLast();
        }
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void recordingADeliveryAnOutcomeAndReadingAPhonesFactsUseOnlyUniqueKeys() {
        storeVolume();
        wire.mongo().insert(record("lead-1")).block();
        wire.forget();

        deliveries.delivered(delivered("lead-1", "0612345678", "client-b")).block();
        deliveries.outcome(outcome("lead-1", "stored-1")).block();
        PhoneFacts facts = phoneFacts.of("0612345678", Product.PAC).block();
        deliveries.applyLedger("lead-1").block();

        assertThat(facts.deliveriesOrEmpty())
                .extracting(PhoneFacts.Delivered::clientId)
                .containsExactly("client-b");
        List<String> scans = new ArrayList<>();
        for (BsonDocument command : wire.commands()) {
            String collection = collection(command);
            for (BsonDocument filter : filters(command)) {
                boolean unique = filter.keySet().equals(Set.of("_id"))
                        || filter.keySet().equals(Set.of("_id", "historyVersion"));
                if (!unique && !"lead_facts_pending".equals(collection)) {
                    scans.add(collection + " " + filter.toJson());
                }
            }
        }
        assertThat(scans).as("filters that scan a growing collection").isEmpty();
        assertThat(history("lead-1")).extracting(HistoryEntry::type).containsExactly("received", "delivered", "sent");
    }

    @Test
    void aFactRecordedTwiceOrConcurrentlyReachesTheHistoryOnce() {
        wire.mongo().insert(record("lead-2")).block();
        Envelope<LeadDelivered> delivery = delivered("lead-2", "0698765432", "client-c");
        Envelope<DeliveryOutcome> outcome = outcome("lead-2");

        Flux.range(0, 8)
                .parallel(8)
                .runOn(Schedulers.parallel())
                .flatMap(i -> deliveries.delivered(delivery).then(deliveries.outcome(outcome)))
                .sequential()
                .blockLast(Duration.ofMinutes(1));

        LeadDocument doc = wire.mongo().findById("lead-2", LeadDocument.class).block();
        assertThat(doc.history()).extracting(HistoryEntry::type).containsExactly("received", "delivered", "sent");
        assertThat(doc.deliveries()).hasSize(1);
        assertThat(doc.status()).isEqualTo("delivered");
        assertThat(wire.mongo().findAll(PendingLeadFact.class).collectList().block())
                .isEmpty();
    }

    @Test
    void factsThatArriveBeforeTheRoutingRecordWaitAsPendingWorkAndAreCopiedWhenItIsRouted() {
        deliveries.delivered(delivered("lead-3", "0611223344", "client-d")).block();
        deliveries.outcome(outcome("lead-3")).block();
        assertThat(wire.mongo().findAll(PendingLeadFact.class).collectList().block())
                .extracting(PendingLeadFact::leadId)
                .containsExactly("lead-3", "lead-3");

        wire.mongo().insert(record("lead-3")).block();
        deliveries.applyLedger("lead-3").block();
        deliveries.applyLedger("lead-3").block();

        LeadDocument doc = wire.mongo().findById("lead-3", LeadDocument.class).block();
        assertThat(doc.history()).extracting(HistoryEntry::type).containsExactly("received", "delivered", "sent");
        assertThat(doc.deliveries()).extracting(d -> d.clientId()).containsExactly("client-d");
        assertThat(wire.mongo().findAll(PendingLeadFact.class).collectList().block())
                .isEmpty();
    }

    private List<HistoryEntry> history(String leadId) {
        return wire.mongo().findById(leadId, LeadDocument.class).block().history();
    }

    private static String collection(BsonDocument command) {
        for (String verb : List.of("find", "update", "delete", "findAndModify", "aggregate", "count")) {
            if (command.containsKey(verb)) {
                return command.getString(verb).getValue();
            }
        }
        return "";
    }

    /** The filters of a read, update or delete command (an aggregation or count is reported whole). */
    private static List<BsonDocument> filters(BsonDocument command) {
        List<BsonDocument> filters = new ArrayList<>();
        if (command.containsKey("filter")) {
            filters.add(command.getDocument("filter"));
        }
        if (command.containsKey("query")) {
            filters.add(command.getDocument("query"));
        }
        for (String list : List.of("updates", "deletes")) {
            if (command.containsKey(list)) {
                for (BsonValue statement : command.getArray(list)) {
                    filters.add(statement.asDocument().getDocument("q"));
                }
            }
        }
        if (command.containsKey("aggregate") || command.containsKey("count")) {
            filters.add(new BsonDocument("aggregate or count", command));
        }
        return filters;
    }

    private static LeadDocument record(String id) {
        return new LeadDocument(
                id,
                null,
                "pending",
                List.of(),
                null,
                "fresh",
                List.of("commande-1"),
                null,
                "fresh",
                List.of(),
                List.of(),
                false,
                List.of(HistoryEntry.of("received-" + id, "received", NOW.minusSeconds(60))),
                List.of(),
                null,
                List.of());
    }

    private static Envelope<LeadDelivered> delivered(String leadId, String phone, String clientId) {
        return Envelope.of(
                new LeadDelivered(
                        leadId,
                        phone,
                        Product.PAC,
                        Entity.ZR7,
                        Entity.ZR7,
                        clientId,
                        "commande-1",
                        "batch-" + clientId,
                        "run-1",
                        LocalDate.of(2026, 3, 10),
                        NOW,
                        LeadKind.FRESH,
                        false),
                "delivery-service",
                NOW);
    }

    private static Envelope<DeliveryOutcome> outcome(String... leadIds) {
        return Envelope.of(
                new DeliveryOutcome(
                        "batch-1",
                        "run-1",
                        Entity.ZR7,
                        "client-b",
                        OutcomeChannel.EMAIL,
                        List.of(leadIds),
                        OutcomeStatus.SENT,
                        null,
                        1,
                        NOW.plusSeconds(5)),
                "notifier-service",
                NOW);
    }
}
