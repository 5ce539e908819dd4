package fr.rdz.bench.intake;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays routing-service for the benchmark: publishes form {@code PV-001} (ZR7, PV) and its LP
 * {@code LP-001} on the catalog topics, so that benchmark leads are {@code pending} and go through
 * every rule, the double-submit guard included.
 */
public final class SeedCatalog {

    private SeedCatalog() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        Instant now = Instant.now();
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (Envelope<?> e : new Envelope<?>[] {
                Envelope.of(
                        new FormSnapshot(
                                "PV-001", Entity.ZR7, Product.PV, "Bench", "LP-001", null, CatalogStatus.ACTIVE, now),
                        "bench",
                        now),
                Envelope.of(
                        new LpSnapshot(
                                "LP-001",
                                Entity.ZR7,
                                "Bench",
                                "https://lp.example.fr/",
                                "PV-001",
                                CatalogStatus.ACTIVE,
                                now),
                        "bench",
                        now)
            }) {
                producer.send(new ProducerRecord<>(e.topic(), e.key(), e)).get();
            }
        }
        System.out.println("CATALOG SEEDED PV-001 / LP-001");
    }
}
