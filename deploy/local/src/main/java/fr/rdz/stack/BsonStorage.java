package fr.rdz.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the Mongo stand-in's H2 file stores what mongo-java-server hands it: documents, {@code _id}
 * values (a collection's keys, an index's positions) and unique-index keys, each as BSON — the
 * bytes MongoDB's wire protocol carries, written and read by mongo-java-server's own codec.
 *
 * <p>H2's default type Java-serialises every object it does not know (a document, an index key):
 * serialising a page of them at each commit and deserialising each page read cost milliseconds of
 * CPU per stored lead (issue 17), and index keys were compared by serialising both sides. Here
 * values compare as MongoDB orders them ({@link ValueComparator}), so a lookup compares objects
 * and serialises nothing.
 */
final class BsonStorage {

    /** A collection's documents, as BSON bytes ({@link #encode}, {@link #decode}). */
    static final BasicDataType<byte[]> DOCUMENTS = new DocumentBytes();

    /** A single value: a document's {@code _id} (its key in the collection, its position in an index). */
    static final BasicDataType<Object> VALUES = new Values();

    /** A unique index's keys: the indexed fields' values, in the index's order. */
    static final BasicDataType<KeyValue> INDEX_KEYS = new IndexKeys();

    /** Not a BSON type: a field the document does not have (mongo-java-server's {@link Missing}). */
    private static final byte MISSING = 0;

    private static final LongAdder DECODED = new LongAdder();

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private BsonStorage() {}

    /**
     * A document's BSON bytes as they are in the file: the page cache holds one byte array per
     * document, not the decoded maps (five times the heap, and thirty objects for the collector to
     * trace per cached document); the collection decodes a document when it reads it.
     */
    private static final class DocumentBytes extends BasicDataType<byte[]> {

        @Override
        public void write(WriteBuffer out, byte[] document) {
            out.put(document);
        }

        @Override
        public byte[] read(ByteBuffer in) {
            // BSON's own length prefix (little-endian), read without changing H2's buffer
            int length = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            byte[] document = new byte[length];
            in.get(document);
            return document;
        }

        @Override
        public int getMemory(byte[] document) {
            return 24 + document.length;
        }

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compare(a, b);
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }

    private static final class Values extends BasicDataType<Object> {

        @Override
        public void write(WriteBuffer out, Object value) {
            ByteBuf bytes = Unpooled.buffer(64);
            writeValue(value, bytes);
            putBytes(out, bytes);
        }

        @Override
        public Object read(ByteBuffer in) {
            ByteBuf bytes = wrap(in);
            Object value = readValue(bytes);
            in.position(in.position() + bytes.readerIndex());
            return value;
        }

        @Override
        public int getMemory(Object value) {
            return estimatedMemory(value);
        }

        @Override
        public int compare(Object a, Object b) {
            return ORDER.compare(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    private static final class IndexKeys extends BasicDataType<KeyValue> {

        @Override
        public void write(WriteBuffer out, KeyValue key) {
            ByteBuf bytes = Unpooled.buffer(64);
            bytes.writeByte(key.size());
            for (Object value : key) {
                writeValue(value, bytes);
            }
            putBytes(out, bytes);
        }

        @Override
        public KeyValue read(ByteBuffer in) {
            ByteBuf bytes = wrap(in);
            int size = bytes.readUnsignedByte();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(readValue(bytes));
            }
            in.position(in.position() + bytes.readerIndex());
            return new KeyValue(values);
        }

        @Override
        public int getMemory(KeyValue key) {
            int memory = 48;
            for (Object value : key) {
                memory += estimatedMemory(value);
            }
            return memory;
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int size = Math.min(a.size(), b.size());
            for (int i = 0; i < size; i++) {
                int order = ORDER.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    static byte[] encode(Document document) {
        ByteBuf bytes = Unpooled.buffer(512);
        BsonEncoder.encodeDocument(document, bytes);
        return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset(), bytes.arrayOffset() + bytes.readableBytes());
    }

    static Document decode(byte[] document) {
        DECODED.increment();
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(document));
    }

    /** Documents decoded since the start: what reads cost (a scan decodes its whole collection). */
    static long documentsDecoded() {
        return DECODED.sum();
    }

    private static void writeValue(Object value, ByteBuf out) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
    }

    private static Object readValue(ByteBuf in) {
        byte type = in.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
    }

    private static void putBytes(WriteBuffer out, ByteBuf bytes) {
        out.put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    }

    /** The page's bytes from the buffer's position on (BSON is little-endian whatever H2's order). */
    private static ByteBuf wrap(ByteBuffer in) {
        return Unpooled.wrappedBuffer(in.slice().order(ByteOrder.BIG_ENDIAN));
    }

    /** H2 sizes its page cache with these estimates: roughly what the objects take on the heap. */
    private static int estimatedMemory(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 96;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                memory += 48 + estimatedMemory(field.getKey()) + estimatedMemory(field.getValue());
            }
            return memory;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof Collection<?> values) {
            int memory = 56;
            for (Object element : values) {
                memory += 8 + estimatedMemory(element);
            }
            return memory;
        }
        return 24;
    }
}
