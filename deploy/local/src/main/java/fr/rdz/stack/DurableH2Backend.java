package fr.rdz.stack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend whose acknowledged writes are in the file: a command that
 * changed the store gets its answer only once a {@link GroupCommit} has committed the change.
 * Documents and index entries are stored as BSON ({@link StorageFormat}), not Java-serialised.
 *
 * <p>mongo-java-server answers on the Netty event loop right after the backend's {@code
 * handleCommand} returns (its {@code MongoDatabaseHandler} writes the reply at once). Blocking
 * that thread until the commit would also hold up every other connection of the loop, so the
 * reply is held back instead: {@link #handleCommand} leaves the pending commit on the channel, and
 * an outbound handler ({@link RepliesAfterCommit}, put first in the channel's pipeline) writes the
 * reply when the commit is done — or closes the connection, unanswered, when it failed.
 */
final class DurableH2Backend extends H2Backend {

    private static final AttributeKey<CompletableFuture<Void>> PENDING_COMMIT =
            AttributeKey.valueOf("rdz.pendingCommit");

    /** MVStore's own default: its background thread also compacts the file. */
    private static final int BACKGROUND_COMMIT_MILLIS = 1000;

    private final MVStore store;
    private final GroupCommit groupCommit;

    private DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.groupCommit = new GroupCommit(store, fsync);
    }

    /**
     * Opens (or creates) the store file, converted to the current {@link StorageFormat} first;
     * {@code fsync}: each group commit is also forced to the disk. {@code cacheMegabytes}: H2's
     * cache of pages read (its default, 16 MB, held a fraction of the pages every lookup of a
     * large store walks).
     */
    static DurableH2Backend open(String fileName, boolean fsync, int cacheMegabytes) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(cacheMegabytes)
                .autoCommitDisabled()
                .open();
        StorageFormat.bringUpToDate(store);
        store.setAutoCommitDelay(BACKGROUND_COMMIT_MILLIS);
        return new DurableH2Backend(store, fsync);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called from H2Backend's constructor, for the databases already in the file: uses no field of this class
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        long versionBefore = store.getCurrentVersion();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // changed the store (not committed yet, or committed meanwhile by MVStore's own
            // background commit, which may not have reached the file yet): wait for a commit
            if (store.hasUnsavedChanges() || store.getCurrentVersion() != versionBefore) {
                awaitCommit(channel, groupCommit.afterWrite());
            }
        }
    }

    private static void awaitCommit(Channel channel, CompletableFuture<Void> durable) {
        if (channel == null) {
            durable.join();
            return;
        }
        if (channel.pipeline().get(RepliesAfterCommit.class) == null) {
            channel.pipeline().addFirst(new RepliesAfterCommit());
        }
        // a later commit covers an earlier one: the last pending commit is enough
        channel.attr(PENDING_COMMIT).set(durable);
    }

    @Override
    public void close() {
        groupCommit.close();
        super.close();
    }

    /**
     * Holds a reply back until the commit of the command it answers is done. Replies of one
     * connection keep their order: each waits for the previous one. Runs on the channel's event
     * loop, except the completion callbacks, which hand the write back to it.
     */
    static final class RepliesAfterCommit extends ChannelOutboundHandlerAdapter {

        private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

        @Override
        public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
            CompletableFuture<Void> commit = ctx.channel().attr(PENDING_COMMIT).getAndSet(null);
            if (commit == null && previous.isDone()) {
                ctx.write(reply, promise);
                return;
            }
            CompletableFuture<?> gate = commit == null ? previous : CompletableFuture.allOf(previous, commit);
            previous = gate.handle((ok, failure) -> {
                ctx.executor().execute(() -> {
                    if (failure == null) {
                        ctx.writeAndFlush(reply, promise);
                    } else {
                        // not durable: the client must not take it as acknowledged
                        ReferenceCountUtil.release(reply);
                        promise.tryFailure(failure);
                        ctx.close();
                    }
                });
                return null;
            });
        }
    }
}
