package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.rdz.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./rdz down} then {@code ./rdz up} relies on: the local stack keeps its data under var/. */
class RestartKeepsDataIT {

    @TempDir
    Path var;

    @Test
    void kafkaRecordsAndMongoDocumentsSurviveARestart() {
        try (EmbeddedStack stack = EmbeddedStack.local(var, 0, 0, 0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            stack.kafka().bootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.LEAD_RECEIVED, "0612345678", "kept"));
            }
            try (MongoClient client = MongoClients.create(stack.mongo().uri("restart"))) {
                client.getDatabase("restart").getCollection("leads").insertOne(new Document("_id", "kept"));
            }
        }

        try (EmbeddedStack stack = EmbeddedStack.local(var, 0, 0, 0)) {
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    stack.kafka().bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG, "restart",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.LEAD_RECEIVED));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactly("kept");
            try (MongoClient client = MongoClients.create(stack.mongo().uri("restart"))) {
                assertThat(client.getDatabase("restart")
                                .getCollection("leads")
                                .find()
                                .first())
                        .containsEntry("_id", "kept");
            }
        }
    }
}
