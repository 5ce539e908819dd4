package fr.rdz.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). File-backed (H2 MVStore) when given a
 * directory, in memory otherwise. File-backed, a write is answered only once it is committed to
 * the file ({@link DurableH2Backend}, group commit): a {@code kill -9} of the process loses no
 * acknowledged write; with {@code fsync} the commit is also forced to the disk, so that a machine
 * crash loses none either. No sessions, so no multi-document transactions, and TTL indexes never
 * expire: RDZ's code does not rely on either.
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
        return start(port, dataDir, false);
    }

    /**
     * Starts on {@code port} (0: any free port); {@code dataDir} null keeps everything in memory;
     * {@code fsync}: each commit of the file is forced to the disk before the writes are answered.
     */
    public static MongoWireServer start(int port, Path dataDir, boolean fsync) {
        MongoBackend backend;
        if (dataDir == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = DurableH2Backend.open(dataDir.resolve("rdz.mv").toString(), fsync, cacheMegabytes());
        }
        // no oplog: RDZ reads no change stream, and it doubled every write (a copy of each
        // document in local.oplog.rs, on the heap in memory, serialised in the file)
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", Ports.orFree(port));
        return new MongoWireServer(server, backend);
    }

    /**
     * H2's page cache: {@code -Drdz.stack.mongo-cache-mb}, else a sixth of the heap (341 MB of
     * {@code ./rdz up}'s 2 GB), at least H2's default of 16 MB.
     */
    private static int cacheMegabytes() {
        long sixthOfHeap = Runtime.getRuntime().maxMemory() / 6 / (1024 * 1024);
        return Integer.getInteger("rdz.stack.mongo-cache-mb", (int) Math.max(16, sixthOfHeap));
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
