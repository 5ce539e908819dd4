package fr.rdz.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of the Mongo stand-in's H2 file: one map of documents per collection ({@code
 * databases.<db>.<collection>}, keyed by {@code _id}), one map per unique index ({@code
 * <db>.<collection>._index_<name>}, index key → {@code _id}) and one of counters per collection
 * ({@code meta.<db>.<collection>}) — mongo-java-server's names — with documents, keys and index
 * entries stored as BSON ({@link BsonStorage}).
 *
 * <p>A file written before (by mongo-java-server's own H2 backend, every document Java-serialised,
 * and with an oplog nobody read) is converted once when opened: each map is copied into a map of
 * the new format, which then takes its name, and the oplog is dropped; the format's version, kept
 * in the file, says it is done. The copy and the switch are one commit (the store is opened with
 * its background commits off until then): a crash during the conversion leaves the old file as it
 * was, converted again at the next start.
 */
final class StorageFormat {

    static final String DOCUMENTS = "databases.";
    static final String META = "meta.";
    private static final String INDEX = "._index_";
    private static final String FORMAT_MAP = "rdz.storage-format";
    private static final String VERSION = "bson-1";
    /** mongo-java-server's oplog (database {@code local}): RDZ reads no change stream, so it is not kept. */
    private static final String OPLOG_DATABASE = "local";

    private static final Logger log = LoggerFactory.getLogger(StorageFormat.class);

    private StorageFormat() {}

    static MVMap<Object, byte[]> documents(MVStore store, String namespace) {
        return store.openMap(DOCUMENTS + namespace, documentsBuilder());
    }

    static MVMap<KeyValue, Object> indexEntries(MVStore store, String namespace, String indexName) {
        return store.openMap(indexMapName(namespace, indexName), indexEntriesBuilder());
    }

    static String indexMapName(String namespace, String indexName) {
        return namespace + INDEX + indexName;
    }

    /** Every map of a database: its documents, indexes and counters. */
    static List<String> mapsOfDatabase(MVStore store, String database) {
        return store.getMapNames().stream()
                .filter(name -> name.startsWith(database + ".")
                        || name.startsWith(DOCUMENTS + database + ".")
                        || name.startsWith(META + database + "."))
                .toList();
    }

    /** Brings a file written by an earlier format to this one (nothing to do for a new or current file). */
    static void bringUpToDate(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (VERSION.equals(format.get("version"))) {
            return;
        }
        List<String> names = store.getMapNames().stream()
                .filter(name -> !name.equals(FORMAT_MAP))
                .toList();
        if (!names.isEmpty()) {
            log.info("Converting the Mongo file {} to BSON storage: {} map(s)", store.getFileStore(), names.size());
        }
        long documents = 0;
        for (String name : names) {
            if (isOplog(name)) {
                store.removeMap(name);
            } else if (name.startsWith(DOCUMENTS)) {
                documents += copyInto(store, name, documentsBuilder(), BsonStorage::encode);
            } else if (name.contains(INDEX)) {
                copyInto(store, name, indexEntriesBuilder(), Function.identity());
            }
        }
        format.put("version", VERSION);
        store.commit();
        if (!names.isEmpty()) {
            log.info("Mongo file converted: {} document(s)", documents);
        }
    }

    private static boolean isOplog(String name) {
        return name.startsWith(DOCUMENTS + OPLOG_DATABASE + ".")
                || name.startsWith(META + OPLOG_DATABASE + ".")
                || name.startsWith(OPLOG_DATABASE + ".");
    }

    /** Copies an old-format map (H2's default types) into a new one that takes its name; its size. */
    private static <K, V, W> long copyInto(
            MVStore store, String name, MVMap.Builder<K, W> newFormat, Function<? super V, W> conversion) {
        MVMap<K, V> old = store.openMap(name);
        String copyName = name + ".rdz-converting";
        MVMap<K, W> copy = store.openMap(copyName, newFormat);
        for (Map.Entry<K, V> entry : old.entrySet()) {
            copy.put(entry.getKey(), conversion.apply(entry.getValue()));
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        return copy.sizeAsLong();
    }

    private static MVMap.Builder<Object, byte[]> documentsBuilder() {
        return new MVMap.Builder<Object, byte[]>().keyType(BsonStorage.VALUES).valueType(BsonStorage.DOCUMENTS);
    }

    private static MVMap.Builder<KeyValue, Object> indexEntriesBuilder() {
        return new MVMap.Builder<KeyValue, Object>()
                .keyType(BsonStorage.INDEX_KEYS)
                .valueType(BsonStorage.VALUES);
    }
}
