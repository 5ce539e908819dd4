package fr.rdz.intake.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.application.RelayingReceivedLeads;
import fr.rdz.intake.lead.kafka.LeadReceivedPublisher;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.intake.support.RecordingWireServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The outbox collection against the Mongo wire server the stack runs (which keeps only unique
 * indexes: any query on another field scans its whole collection): the relay's sweep reads only
 * the small {@code lead_outbox} and looks leads up by {@code _id}, however many published leads are
 * stored; and each crash window between the two writes ends in a publication or a harmless
 * clean-up, never a lead left unpublished.
 */
class LeadOutboxTest {

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final MutableClock clock = new MutableClock();
    private final List<Envelope<LeadReceived>> sent = new CopyOnWriteArrayList<>();
    private RecordingWireServer wire;
    private ReactiveMongoTemplate mongo;
    private IntakeProperties properties;
    private LeadStore store;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_intake_outbox_test");
        mongo = wire.mongo();
        properties = mock(IntakeProperties.class);
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(true, 64, Duration.ofMillis(2), 4096));
        when(properties.outbox())
                .thenReturn(new IntakeProperties.Outbox(
                        Duration.ofMillis(200), Duration.ofMinutes(1), GRACE, 500, Duration.ofMillis(20)));
        store = new LeadStore(mongo, properties, clock);
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void withTenThousandPublishedLeadsStoredTheSweepReadsOnlyTheOutboxAndLeadsById() {
        List<LeadDocument> published = IntStream.range(0, 10_000)
                .mapToObj(i -> lead("published-" + i, LeadOutbox.PUBLISHED))
                .toList();
        for (int from = 0; from < published.size(); from += 1000) {
            mongo.insertAll(published.subList(from, from + 1000)).blockLast();
        }
        List<String> pendingIds = List.of("pending-1", "pending-2", "pending-3");
        pendingIds.forEach(id -> store.queueForPublication(id, now())
                .then(store.insertSubmitted(lead(id, LeadOutbox.PENDING)))
                .block());
        clock.advance(GRACE.plusSeconds(1));
        wire.forget();

        List<String> swept = store.pendingPublication(clock.instant().minus(GRACE), 500)
                .map(LeadDocument::id)
                .collectList()
                .block();

        assertThat(swept).containsExactlyInAnyOrderElementsOf(pendingIds);
        List<BsonDocument> reads = wire.reads();
        assertThat(reads)
                .as("one read of the outbox, one of the leads it names")
                .hasSize(2);
        assertThat(reads.get(0).getString("find").getValue()).isEqualTo("lead_outbox");
        assertThat(reads.get(0).getInt32("limit").getValue()).isEqualTo(500);
        BsonDocument leadsRead = reads.get(1);
        assertThat(leadsRead.getString("find").getValue()).isEqualTo("leads");
        assertThat(leadsRead.getDocument("filter").keySet())
                .as("leads are only looked up by _id (a unique-index lookup on the wire server)")
                .containsExactly("_id");
        assertThat(leadsRead.getDocument("filter").getDocument("_id").getArray("$in"))
                .hasSize(3);
        assertThat(wire.commands())
                .as("nothing else touched: no scan of leads, no write")
                .allSatisfy(c -> assertThat(c.containsKey("find")).isTrue());
    }

    @Test
    void aLeadQueuedAndStoredButNeverPublishedIsPublishedAfterARestartThenItsEntryIsGone() {
        // the previous process stored entry then lead, answered 201, and died before Kafka acknowledged
        store.queueForPublication("crashed", now())
                .then(store.insertSubmitted(lead("crashed", LeadOutbox.PENDING)))
                .block();
        clock.advance(GRACE.plusSeconds(1));

        RelayingReceivedLeads restarted = relay();
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "published".equals(state("crashed")) && entries() == 0);
        } finally {
            restarted.stop();
        }
        assertThat(sent).extracting(e -> e.payload().lead().leadId()).containsExactly("crashed");
    }

    @Test
    void anEntryWhoseLeadIsAlreadyPublishedIsDeletedWithoutSendingAgain() {
        // crash after the lead was marked published, before its entry was deleted
        store.queueForPublication("marked", now())
                .then(mongo.insert(lead("marked", LeadOutbox.PUBLISHED)))
                .block();
        clock.advance(GRACE.plusSeconds(1));

        assertThat(store.pendingPublication(clock.instant().minus(GRACE), 500)
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(entries()).isZero();
    }

    @Test
    void anEntryWhoseLeadIsNotWrittenYetWaitsForItAndIsDroppedOnlyAfterTheOrphanGrace() {
        // the request died between the entry and the lead (never answered 2xx), or its lead write is late
        store.queueForPublication("late", now()).block();
        store.queueForPublication("never", now()).block();
        clock.advance(GRACE.plusSeconds(1));

        assertThat(store.pendingPublication(clock.instant().minus(GRACE), 500)
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(entries()).as("kept: the lead may still land").isEqualTo(2);

        mongo.insert(lead("late", LeadOutbox.PENDING)).block();
        clock.advance(GRACE.plusSeconds(1));
        assertThat(store.pendingPublication(clock.instant().minus(GRACE), 500)
                        .map(LeadDocument::id)
                        .collectList()
                        .block())
                .as("the late lead is found at the next look")
                .containsExactly("late");

        clock.advance(properties.outbox().orphanGrace());
        store.pendingPublication(clock.instant().minus(GRACE), 500).blockLast();
        assertThat(mongo.findById("never", OutboxEntryDocument.class).block())
                .as("an entry whose lead never came is dropped after the orphan grace")
                .isNull();
        assertThat(mongo.findById("late", OutboxEntryDocument.class).block())
                .as("the entry of a stored lead stays until it is published")
                .isNotNull();
    }

    private RelayingReceivedLeads relay() {
        LeadReceivedPublisher publisher = mock(LeadReceivedPublisher.class);
        when(publisher.publish(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        return new RelayingReceivedLeads(store, publisher, clock, properties);
    }

    private long entries() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), OutboxEntryDocument.class)
                .block();
    }

    private String state(String leadId) {
        Document lead = mongo.getCollection("leads")
                .flatMap(c -> Mono.from(c.find(new Document("_id", leadId)).first()))
                .block();
        return lead == null ? null : lead.get("outbox", Document.class).getString("state");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LeadDocument lead(String id, String state) {
        Instant at = now();
        LeadReceived received = new LeadReceived(
                new fr.rdz.events.LeadData(id, at, null, null, null, null, null, null),
                LeadStatus.PENDING,
                List.of(),
                null,
                LeadReceived.ORIGIN_PUBLIC);
        return new LeadDocument(
                id,
                LeadStatus.PENDING,
                LeadReceived.ORIGIN_PUBLIC,
                null,
                "0612345678",
                at,
                received,
                new LeadOutbox(java.util.UUID.randomUUID().toString(), at, state, null));
    }
}
