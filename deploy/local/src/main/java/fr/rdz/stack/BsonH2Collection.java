package fr.rdz.stack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the Mongo stand-in in its H2 file: its documents' BSON bytes keyed by {@code
 * _id} ({@link BsonStorage#DOCUMENTS}), decoded when read — mongo-java-server's {@code
 * H2Collection}, which kept decoded documents, Java-serialised, in the same map. A query on
 * another field than a unique index's reads (and decodes) every document.
 */
final class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE = "dataSize";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> counters;

    BsonH2Collection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, byte[]> documents,
            MVMap<String, Object> counters,
            CursorRegistry cursorRegistry) {
        super(database, name, options, cursorRegistry);
        this.documents = documents;
        this.counters = counters;
        counters.putIfAbsent(DATA_SIZE, 0L);
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (counters) {
            counters.put(DATA_SIZE, ((Number) counters.get(DATA_SIZE)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) counters.get(DATA_SIZE)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() == null
                ? UUID.randomUUID()
                : Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()));
        byte[] previous = documents.putIfAbsent(key, BsonStorage.encode(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] document = documents.get(position);
        return document == null ? null : BsonStorage.decode(document);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonStorage.decode(entry.getValue()), entry.getKey()));
    }

    /**
     * What an aggregation reads (the driver's {@code countDocuments} is one): decoded one by one as
     * the pipeline pulls them. mongo-java-server's default collected the whole collection in a list
     * first — with a million leads, a count every minute filled the stand-in's heap.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return documents.values().stream().map(BsonStorage::decode);
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : queryAllAsStream();
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonStorage.encode(newDocument));
    }
}
