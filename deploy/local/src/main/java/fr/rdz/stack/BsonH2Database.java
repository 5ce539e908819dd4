package fr.rdz.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the Mongo stand-in in an H2 {@link MVStore}: mongo-java-server's H2 database with
 * its documents, keys and index entries stored as BSON ({@link BsonStorage}). The maps keep
 * mongo-java-server's names ({@link StorageFormat} lists them), so H2's own backend finds its
 * databases in the file at start.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new BsonH2Collection(
                this,
                collectionName,
                options,
                StorageFormat.documents(store, namespace),
                store.openMap(StorageFormat.META + namespace),
                cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new UniqueIndex(
                StorageFormat.indexEntries(store, getFullCollectionNamespace(collectionName), indexName),
                indexName,
                keys,
                sparse);
    }

    /**
     * The stand-in keeps no secondary index (mongo-java-server: "not yet implemented"): a query on
     * its fields reads the collection. Its placeholder says it is not empty, so that opening it —
     * at every start, for every index the services asked for — does not read every document of the
     * collection twice to fill an index that keeps nothing (a start of minutes with a million leads).
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new EmptyIndex<>(indexName, keys) {
            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(StorageFormat.indexMapName(collection.getFullName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        StorageFormat.mapsOfDatabase(store, databaseName).forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        store.removeMap(StorageFormat.DOCUMENTS + namespace);
        store.removeMap(StorageFormat.META + namespace);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldNamespace = collection.getFullName();
        String newNamespace = getFullCollectionNamespace(newCollectionName);
        store.renameMap(StorageFormat.documents(store, oldNamespace), StorageFormat.DOCUMENTS + newNamespace);
        store.renameMap(store.openMap(StorageFormat.META + oldNamespace), StorageFormat.META + newNamespace);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    /** A unique index whose entries (key → the document's {@code _id}) are an H2 map. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> entries;

        UniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.entries = entries;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return entries.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return entries.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return entries.get(key);
        }

        @Override
        public long getCount() {
            return entries.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
