package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's file stores documents and index entries as BSON ({@link StorageFormat}): what a
 * client wrote reads back the same after a restart, unique indexes still hold, and a file written
 * by mongo-java-server's own H2 backend (Java-serialised documents, an oplog) is converted at its
 * first start, once.
 */
class StorageFormatIT {

    @TempDir
    Path dir;

    @Test
    void everyBsonTypeRdzStoresReadsBackAfterARestart() {
        List<Document> written = documents();
        try (MongoWireServer server = MongoWireServer.start(0, dir);
                MongoClient client = MongoClients.create(server.uri("rdz"))) {
            MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
            leads.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true));
            leads.insertMany(written);
        }
        try (MongoWireServer server = MongoWireServer.start(0, dir);
                MongoClient client = MongoClients.create(server.uri("rdz"))) {
            MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
            assertThat(leads.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .isEqualTo(written);
            assertThat(leads.find(new Document("_id", "lead-2")).first()).isEqualTo(written.get(1));
            assertThatThrownBy(() -> leads.insertOne(new Document("_id", "lead-9").append("phone", "0611223302")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aStartReadsNoLeadToOpenTheIndexesTheStandInDoesNotKeep() {
        int stored = 1000;
        try (MongoWireServer server = MongoWireServer.start(0, dir);
                MongoClient client = MongoClients.create(server.uri("rdz"))) {
            MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
            leads.createIndex(Indexes.ascending("phone"));
            List<Document> many = new ArrayList<>();
            for (int n = 0; n < stored; n++) {
                many.add(new Document("_id", "lead-" + n).append("phone", String.format("06%08d", n)));
            }
            leads.insertMany(many);
        }
        long before = BsonStorage.documentsDecoded();
        try (MongoWireServer server = MongoWireServer.start(0, dir);
                MongoClient client = MongoClients.create(server.uri("rdz"))) {
            MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
            leads.createIndex(Indexes.ascending("phone")); // as every service does at its start
            leads.createIndex(Indexes.descending("received_at"));
            // only the index descriptions are read (system.indexes), not the leads
            assertThat(BsonStorage.documentsDecoded() - before).isLessThan(stored / 10);
            long opened = BsonStorage.documentsDecoded();
            assertThat(leads.countDocuments(new Document("phone", "0600000002")))
                    .isOne();
            // a query on another field than a unique index's reads every lead, as the README says
            assertThat(BsonStorage.documentsDecoded() - opened).isGreaterThanOrEqualTo(stored);
        }
    }

    @Test
    void aFileOfMongoJavaServersOwnH2BackendIsConvertedAtItsFirstStart() {
        List<Document> written = documents();
        H2Backend old = new H2Backend(dir.resolve("rdz.mv").toString());
        MongoServer oldServer = new MongoServer(old);
        oldServer.enableOplog();
        try {
            oldServer.bind("127.0.0.1", Ports.free());
            try (MongoClient client = MongoClients.create(
                    "mongodb://127.0.0.1:" + oldServer.getLocalAddress().getPort())) {
                MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
                leads.createIndex(Indexes.ascending("form_code", "phone"), new IndexOptions().unique(true));
                leads.insertMany(written);
                leads.updateOne(new Document("_id", "lead-3"), new Document("$set", new Document("status", "sent")));
                written.get(2).put("status", "sent");
            }
        } finally {
            oldServer.shutdown();
            old.close();
        }

        for (int start = 1; start <= 2; start++) { // converted at the first start, read as is at the second
            try (MongoWireServer server = MongoWireServer.start(0, dir);
                    MongoClient client = MongoClients.create(server.uri("rdz"))) {
                MongoCollection<Document> leads = client.getDatabase("rdz").getCollection("leads");
                assertThat(leads.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                        .isEqualTo(written);
                assertThatThrownBy(() -> leads.insertOne(new Document("_id", "lead-9")
                                .append("form_code", "PV-001")
                                .append("phone", "0611223301")))
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
                assertThat(client.getDatabase("local").listCollectionNames().into(new ArrayList<>()))
                        .doesNotContain("oplog.rs");
            }
        }
    }

    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            documents.add(new Document("_id", "lead-" + n)
                    .append("form_code", "PV-00" + n)
                    .append("phone", "061122330" + n)
                    .append("surface", 120 + n)
                    .append("sequence", 10_000_000_000L + n)
                    .append("score", 0.5 * n)
                    .append("consent", n % 2 == 0)
                    .append(
                            "received_at",
                            Date.from(Instant.parse("2026-11-27T09:30:00Z").plusSeconds(n)))
                    .append("session", new ObjectId())
                    .append("token", new Binary((byte) 4, uuidBytes(new UUID(n, n))))
                    .append("nothing", null)
                    .append("client_ids", List.of("c-" + n, "c-x"))
                    .append("outbox", List.of(new Document("event_id", "e-" + n).append("topic", "rdz.leads.v1")))
                    .append("address", new Document("ville", "Paris").append("code_postal", "7501" + n)));
        }
        return documents;
    }

    private static byte[] uuidBytes(UUID uuid) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return bytes.array();
    }
}
