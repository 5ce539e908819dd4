package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Topics;
import fr.rdz.notifier.NotifierIntegrationTest;
import fr.rdz.notifier.TopicProbe;
import fr.rdz.notifier.email.kafka.DeliveryPlannedListener;
import fr.rdz.stack.RdzTestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What no retry can fix goes to the dead-letter topic at once, kept as it came: nothing is lost. */
class DeadLetterIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aClientWithoutDeliveryAddressIsDeadLetteredAtOnceWithTheReason() throws Exception {
        String batchId = newId("b-noaddr");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Nobody", DeliveryChannel.EMAIL),
                Batches.threeLeads(Entity.ZR7));

        publish(planned(batch));

        await().atMost(WAIT)
                .until(() -> outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
        DeliveryOutcome dead = outcomesOf(batchId).get(0);
        assertThat(dead.reason()).contains("no delivery e-mail address");
        assertThat(dead.attempts()).isZero();
        assertThat(outcomesOf(batchId)).hasSize(1);
        assertThat(deadLettersOf(batchId)).hasSize(1);
        assertThat(sentMail(batchId).getBoolean("dead_lettered")).isTrue();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAsIs() throws Exception {
        byte[] garbage = ("not an envelope " + newId("x")).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RdzTestStack.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DELIVERY_PLANNED, "c-garbage", garbage))
                    .get();
        }

        try (TopicProbe dlt = new TopicProbe(RdzTestStack.get().kafkaBootstrapServers(), DeliveryPlannedListener.DLT)) {
            await().atMost(WAIT).until(() -> dlt.records().stream().anyMatch(r -> Arrays.equals(r.value(), garbage)));
        }
    }
}
