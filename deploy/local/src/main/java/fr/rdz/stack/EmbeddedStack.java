package fr.rdz.stack;

import java.nio.file.Path;

/**
 * Kafka, MongoDB and SMTP for RDZ, started together and stopped in reverse order. Locally
 * ({@link #local}) on the fixed ports of the spec with data under {@code var/}; in tests
 * ({@link #forTests}) on free ports with Kafka in a temporary directory and Mongo in memory.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;
    private final SmtpCatcher smtp;

    private EmbeddedStack(KafkaBroker kafka, MongoWireServer mongo, SmtpCatcher smtp) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.smtp = smtp;
    }

    public static EmbeddedStack local(Path varDir, int kafkaPort, int mongoPort, int smtpPort) {
        return local(varDir, kafkaPort, mongoPort, smtpPort, false);
    }

    /**
     * Every write Kafka or MongoDB acknowledged survives a {@code kill -9} of this process (it is
     * in the files, the operating system writes them out); {@code fsync}: it is also forced to the
     * disk before it is acknowledged, so that it survives a machine crash.
     */
    public static EmbeddedStack local(Path varDir, int kafkaPort, int mongoPort, int smtpPort, boolean fsync) {
        MongoWireServer mongo = MongoWireServer.start(mongoPort, varDir.resolve("mongo"), fsync);
        SmtpCatcher smtp = SmtpCatcher.start(smtpPort, varDir.resolve("mail"));
        KafkaBroker kafka = KafkaBroker.start(kafkaPort, varDir.resolve("kafka"), fsync);
        return new EmbeddedStack(kafka, mongo, smtp);
    }

    public static EmbeddedStack forTests(Path tempDir) {
        MongoWireServer mongo = MongoWireServer.start(0, null);
        SmtpCatcher smtp = SmtpCatcher.start(0, tempDir.resolve("mail"));
        KafkaBroker kafka = KafkaBroker.start(0, tempDir.resolve("kafka"));
        return new EmbeddedStack(kafka, mongo, smtp);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MongoWireServer mongo() {
        return mongo;
    }

    public SmtpCatcher smtp() {
        return smtp;
    }

    @Override
    public void close() {
        kafka.close();
        smtp.close();
        mongo.close();
    }
}
