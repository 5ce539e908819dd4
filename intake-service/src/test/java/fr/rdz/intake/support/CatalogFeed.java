package fr.rdz.intake.support;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays routing-service: publishes form and LP snapshots on the compacted catalog topics. */
public final class CatalogFeed implements AutoCloseable {

    private final KafkaProducer<String, Envelope<?>> producer;

    public CatalogFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new EnvelopeSerializer());
    }

    public void form(String code, Entity entity, Product product, String lpCode) {
        send(new FormSnapshot(
                code, entity, product, code + " form", lpCode, null, CatalogStatus.ACTIVE, Instant.now()));
    }

    /** A form naming the consent text in force on it. */
    public void form(String code, Entity entity, Product product, String lpCode, String consentTextVersion) {
        send(new FormSnapshot(
                code,
                entity,
                product,
                code + " form",
                lpCode,
                null,
                CatalogStatus.ACTIVE,
                Instant.now(),
                consentTextVersion));
    }

    public void lp(String code, Entity entity, String formCode) {
        send(new LpSnapshot(
                code,
                entity,
                code + " page",
                "https://lp.example.fr/" + code,
                formCode,
                CatalogStatus.ACTIVE,
                Instant.now()));
    }

    private void send(fr.rdz.events.RdzEvent snapshot) {
        Envelope<?> envelope = Envelope.of(snapshot, "routing-service", Instant.now());
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
