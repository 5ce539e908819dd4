package fr.rdz.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). File-backed (H2 MVStore, flushed about once
 * a second) when given a directory, in memory otherwise. No sessions, so no multi-document
 * transactions, and TTL indexes never expire: RDZ's code does not rely on either.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;

    private MongoWireServer(MongoServer server, MongoBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Starts on {@code port} (0: any free port); {@code dataDir} null keeps everything in memory. */
    public static MongoWireServer start(int port, Path dataDir) {
        MongoBackend backend;
        if (dataDir == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new H2Backend(dataDir.resolve("rdz.mv").toString());
        }
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        server.bind("127.0.0.1", Ports.orFree(port));
        return new MongoWireServer(server, backend);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** A connection string to one database of this server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
