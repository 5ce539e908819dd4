package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code kill -9} of the stack leaves is what its Mongo file holds at that instant (the
 * operating system keeps what was written). Copying the file right after the last write was
 * acknowledged, while the server still runs, is such an image: opened by a fresh server, it must
 * hold every acknowledged write — inserts, updates and deletes — from several concurrent clients.
 */
class AcknowledgedWritesInFileIT {

    static final int CLIENTS = 8;
    static final int WRITES_PER_CLIENT = 50;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheFileWhenItIsAnswered() throws Exception {
        Path copy = dir.resolve("image").resolve("rdz.mv");
        try (MongoWireServer server = MongoWireServer.start(0, dir.resolve("mongo"));
                MongoClient client = MongoClients.create(server.uri("durable"))) {
            MongoCollection<Document> leads = client.getDatabase("durable").getCollection("leads");
            leads.insertOne(new Document("_id", "to-delete"));
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client0 = c;
                done.add(clients.submit(() -> {
                    for (int n = 0; n < WRITES_PER_CLIENT; n++) {
                        String id = client0 + "-" + n;
                        leads.insertOne(new Document("_id", id).append("state", "pending"));
                        leads.updateOne(
                                new Document("_id", id), new Document("$set", new Document("state", "published")));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            leads.deleteOne(new Document("_id", "to-delete"));
            // the last write is answered: the file holds everything now, as a kill -9 would leave it
            Files.createDirectories(copy.getParent());
            Files.copy(dir.resolve("mongo").resolve("rdz.mv"), copy);
        }

        try (MongoWireServer reopened = MongoWireServer.start(0, copy.getParent());
                MongoClient client = MongoClients.create(reopened.uri("durable"))) {
            MongoCollection<Document> leads = client.getDatabase("durable").getCollection("leads");
            assertThat(leads.countDocuments()).isEqualTo(CLIENTS * WRITES_PER_CLIENT);
            assertThat(leads.countDocuments(new Document("state", "published"))).isEqualTo(CLIENTS * WRITES_PER_CLIENT);
            assertThat(leads.countDocuments(new Document("_id", "to-delete"))).isZero();
        }
    }
}
