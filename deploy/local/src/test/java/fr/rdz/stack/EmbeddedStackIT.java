package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeDeserializer;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.EventHeaders;
import fr.rdz.events.EventSamples;
import fr.rdz.events.Topics;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackIT {

    @TempDir
    static Path dir;

    static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.forTests(dir);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void createsEveryRdzTopicWithItsPartitionsAndCompactsCatalogTopics() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            Set<String> names = Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet());
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get();
            for (Topics.Spec spec : Topics.ALL) {
                assertThat(described.get(spec.name()).partitions()).hasSize(spec.partitions());
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                String policy = admin.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy")
                        .value();
                assertThat(policy).as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
            }
        }
    }

    @Test
    void everyEventPublishedToTheRealBrokerIsReadBackEqual() {
        Collection<Envelope<?>> samples = EventSamples.all().values();
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (Envelope<?> sample : samples) {
                producer.send(new ProducerRecord<>(sample.topic(), sample.key(), sample));
            }
            producer.flush();
        }
        List<ConsumerRecord<String, Envelope<?>>> received = new ArrayList<>();
        try (KafkaConsumer<String, Envelope<?>> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "contract-round-trip",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new EnvelopeDeserializer())) {
            consumer.subscribe(samples.stream().map(Envelope::topic).distinct().toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < samples.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received.stream().map(ConsumerRecord::value)).containsExactlyInAnyOrderElementsOf(samples);
        for (ConsumerRecord<String, Envelope<?>> record : received) {
            assertThat(record.key()).isEqualTo(record.value().key());
            assertThat(new String(
                            record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                    .isEqualTo(record.value().eventType());
        }
    }

    @Test
    void mongoWireServerStoresAndFindsDocuments() {
        try (MongoClient client = MongoClients.create(stack.mongo().uri("stack-it"))) {
            MongoCollection<Document> leads = client.getDatabase("stack-it").getCollection("leads");
            leads.insertOne(new Document("_id", "l1").append("departement", "75"));
            assertThat(leads.find(new Document("departement", "75")).first()).containsEntry("_id", "l1");
        }
    }

    @Test
    void smtpCatcherKeepsEveryMessageAsAnEmlFile() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(stack.smtp().port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("livraison@zr7.example.fr"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("client@example.fr"));
        message.setSubject("ZR7 – PV – 3 leads", "UTF-8");
        message.setText("Bonjour", "UTF-8");
        Transport.send(message);

        List<Path> files = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            try (var listing = Files.list(stack.smtp().mailDir())) {
                                return listing.filter(p -> p.toString().endsWith(".eml"))
                                        .toList();
                            }
                        },
                        found -> !found.isEmpty());
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0))).contains("client@example.fr");
    }
}
