package fr.rdz.routing.support;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The Mongo wire server the stack runs (in memory, only unique indexes), with a client that records
 * every command it sends: a test asserts on what is queried (a filter on {@code _id} only is an
 * index lookup there; any other filter scans its collection), never on timing.
 */
public final class RecordingWireServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final ReactiveMongoTemplate mongo;

    public RecordingWireServer(String database) {
        var address = server.bind();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(recorder)
                .build());
        mongo = new ReactiveMongoTemplate(client, database);
    }

    public ReactiveMongoTemplate mongo() {
        return mongo;
    }

    /** The commands sent since the last {@link #forget()}, in order. */
    public List<BsonDocument> commands() {
        return List.copyOf(commands);
    }

    /** The reads ({@code find}) sent since the last {@link #forget()}. */
    public List<BsonDocument> reads() {
        return commands.stream().filter(c -> c.containsKey("find")).toList();
    }

    public void forget() {
        commands.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
