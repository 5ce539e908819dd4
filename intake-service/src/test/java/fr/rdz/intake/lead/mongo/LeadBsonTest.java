package fr.rdz.intake.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadSource;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.intake.support.RecordingWireServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The submit path writes its documents without Spring Data's reflective mapping ({@link LeadBson}):
 * what it stores must be, byte for byte, what the mapping stored before (same fields, order, BSON
 * types, {@code _class}), so that every reader (reads by {@code _id}, the relay, erasure, imports)
 * keeps reading it, and documents stored by either version look the same.
 */
class LeadBsonTest {

    private static final Instant NANOS = Instant.parse("2026-11-27T10:15:30.123456789Z");
    private static final Instant MILLIS = Instant.parse("2026-11-27T10:15:31.456Z");

    private final RecordingWireServer wire = new RecordingWireServer("rdz_intake_bson_test");
    private final ReactiveMongoTemplate mongo = wire.mongo();
    private final LeadBson bson = new LeadBson(mongo.getConverter());

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void aLeadWithEveryFieldSetIsWrittenExactlyAsTheMappingWritesIt() {
        assertSameBytes(bson.lead(fullLead("lead-full", NANOS)), mapped(fullLead("lead-full", NANOS)));
    }

    @Test
    void aSparseLeadLeavesOutTheSameNullFieldsAndKeepsEmptyLists() {
        LeadReceived received = new LeadReceived(
                new LeadData("lead-sparse", MILLIS, null, null, null, null, null, null),
                LeadStatus.MISSING_REQUIRED,
                List.of(),
                null,
                LeadReceived.ORIGIN_IMPORT);
        LeadDocument sparse = new LeadDocument(
                "lead-sparse", LeadStatus.MISSING_REQUIRED, "import", null, null, MILLIS, received, null);
        assertSameBytes(bson.lead(sparse), mapped(sparse));
        LeadDocument empty = new LeadDocument("lead-empty", null, null, null, null, null, null, null, List.of(), null);
        assertSameBytes(bson.lead(empty), mapped(empty));
    }

    @Test
    void anIdThatReadsAsAnObjectIdIsStoredAsTheMappingStoresIt() {
        String objectIdLike = "65f1c0ffee00000000000001";
        Document written = bson.lead(fullLead(objectIdLike, MILLIS));
        assertSameBytes(written, mapped(fullLead(objectIdLike, MILLIS)));
        assertThat(written.get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
    }

    @Test
    void outboxEntriesAndGuardsAreWrittenExactlyAsTheMappingWritesThem() {
        OutboxEntryDocument entry = new OutboxEntryDocument("lead-1", NANOS, MILLIS);
        assertSameBytes(bson.outboxEntry(entry), mapped(entry));
        SubmitGuardDocument guard = new SubmitGuardDocument("session-1|0612345678", "lead-1", NANOS);
        assertSameBytes(bson.guard(guard), mapped(guard));
    }

    /** Through the real submit path (group commit, insertMany) onto the wire, then read back by {@code _id}. */
    @Test
    void theSubmitPathStoresTheSameDocumentAsTheMappingAndReadsItBack() {
        IntakeProperties properties = mock(IntakeProperties.class);
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(true, 64, Duration.ofMillis(2), 4096));
        when(properties.outbox())
                .thenReturn(new IntakeProperties.Outbox(
                        Duration.ofMillis(200),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(3),
                        500,
                        Duration.ofMillis(20)));
        LeadStore store = new LeadStore(mongo, properties, new MutableClock());

        // two documents alike but for their _id
        LeadDocument viaMapping = fullLead("lead-mapped", "lead-1", MILLIS);
        LeadDocument viaSubmit = fullLead("lead-submit", "lead-1", MILLIS);
        mongo.insert(viaMapping).block();
        store.insertSubmitted(viaSubmit).block();

        BsonDocument mappedOnTheWire = insertedDocument("lead-mapped");
        BsonDocument submittedOnTheWire = insertedDocument("lead-submit");
        submittedOnTheWire.put("_id", new BsonString("lead-mapped"));
        assertThat(submittedOnTheWire.toJson()).isEqualTo(mappedOnTheWire.toJson());
        assertThat(bytes(submittedOnTheWire)).isEqualTo(bytes(mappedOnTheWire));

        assertThat(store.lead("lead-submit").block()).isEqualTo(viaSubmit);
    }

    /** The document as sent in an {@code insert} command (a mutable copy, same order). */
    private BsonDocument insertedDocument(String id) {
        BsonDocument sent = wire.commands().stream()
                .filter(c -> c.containsKey("insert"))
                .flatMap(c -> c.getArray("documents").stream())
                .map(v -> v.asDocument())
                .filter(d -> d.get("_id").equals(new BsonString(id)))
                .findFirst()
                .orElseThrow();
        BsonDocument copy = new BsonDocument();
        sent.forEach(copy::put);
        return copy;
    }

    private Document mapped(Object entity) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        return document;
    }

    private static void assertSameBytes(Document actual, Document expected) {
        assertThat(actual.toJson()).isEqualTo(expected.toJson());
        assertThat(bytes(actual)).isEqualTo(bytes(expected));
    }

    private static byte[] bytes(Document document) {
        return bytes(new RawBsonDocument(document, new DocumentCodec()));
    }

    private static byte[] bytes(BsonDocument document) {
        return bytes(new RawBsonDocument(document, new BsonDocumentCodec()));
    }

    private static byte[] bytes(RawBsonDocument raw) {
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static LeadDocument fullLead(String id, Instant at) {
        return fullLead(id, id, at);
    }

    private static LeadDocument fullLead(String id, String leadId, Instant at) {
        LeadData data = new LeadData(
                leadId,
                at,
                Entity.MDL,
                Product.PAC,
                new LeadContact(
                        "0612345678",
                        "Mme",
                        "Martin",
                        "Léa",
                        "lea.martin@example.fr",
                        "75011",
                        "75",
                        "Paris",
                        "12 rue Oberkampf"),
                new LeadProject(
                        "maison",
                        "proprietaire",
                        "120",
                        "1975",
                        "fioul",
                        "150",
                        "200",
                        "pac_air_eau",
                        "3_mois",
                        "15000",
                        Boolean.FALSE),
                new LeadSource(
                        "session-1",
                        "PAC-001",
                        "LP-001",
                        "LIA-1",
                        "google",
                        "cpc",
                        "hiver",
                        "banniere",
                        "pompe a chaleur",
                        "gclid-1",
                        "fbclid-1",
                        "https://www.google.fr/"),
                new ConsentProof(
                        Boolean.TRUE,
                        "J'accepte d'être recontacté",
                        "https://lp.example.fr/formulaire",
                        "203.0.113.7",
                        "Mozilla/5.0",
                        at,
                        "v3",
                        "abc123",
                        at.plusSeconds(60)));
        LeadReceived received = new LeadReceived(
                data, LeadStatus.DOUBLE_SUBMIT, List.of("email", "nom"), "lead-original", LeadReceived.ORIGIN_PUBLIC);
        return new LeadDocument(
                id,
                LeadStatus.DOUBLE_SUBMIT,
                LeadReceived.ORIGIN_PUBLIC,
                "session-1",
                "0612345678",
                at,
                received,
                new LeadOutbox("3f1c2b1e-0000-4000-8000-000000000001", at, LeadOutbox.PENDING, at.plusSeconds(1)),
                List.of("EMAIL_INVALID"),
                "lea.martin@");
    }
}
