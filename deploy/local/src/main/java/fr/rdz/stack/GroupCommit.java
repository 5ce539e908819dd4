package fr.rdz.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of an H2 {@link MVStore}: a write asks {@link #afterWrite()} once it has changed
 * the store, and is told (the future completes) when a commit that started after it has written
 * the store's new chunk to the file — and forced it to the disk when {@code fsync}. One committer
 * thread serves every writer: the writes that arrive while a commit runs are committed together
 * by the next one, so the cost per write falls as the load grows.
 *
 * <p>Without it the MVStore commits in the background about once a second, and a {@code kill -9}
 * loses what was acknowledged in that second.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final MVStore store;
    private final boolean fsync;
    private final Thread committer;
    private final Object lock = new Object();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean closed;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
        this.committer = new Thread(this::run, "rdz-mongo-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * To be called by a thread whose write to the store has completed: the future completes once
     * that write is in the file (on the disk when {@code fsync}), exceptionally if it cannot be.
     */
    CompletableFuture<Void> afterWrite() {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                durable.completeExceptionally(new IllegalStateException("the Mongo store is closing"));
                return durable;
            }
            waiting.add(durable);
            lock.notifyAll();
        }
        return durable;
    }

    private void run() {
        while (true) {
            List<CompletableFuture<Void>> batch;
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            try {
                commitToFile();
                commits.incrementAndGet();
                writes.addAndGet(batch.size());
                batch.forEach(write -> write.complete(null));
            } catch (RuntimeException e) {
                log.error("Cannot commit the Mongo store: {} write(s) not acknowledged", batch.size(), e);
                batch.forEach(write -> write.completeExceptionally(e));
            }
        }
    }

    private void commitToFile() {
        // stores what changed, synchronously (the chunk is written before commit() returns)...
        store.commit();
        // ...unless MVStore's own background commit took the changes first: it hands its chunk to
        // the store's writer threads without waiting; this waits until they have written it
        store.executeFilestoreOperation(() -> {});
        if (fsync) {
            store.sync();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return; // the wire server closes its backend, and so does MongoWireServer
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info(
                "Mongo store closed: {} acknowledged write(s) made durable by {} group commit(s){}",
                writes.get(),
                commits.get(),
                fsync ? " (each forced to the disk)" : "");
    }
}
