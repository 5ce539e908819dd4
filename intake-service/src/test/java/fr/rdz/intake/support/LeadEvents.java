package fr.rdz.intake.support;

import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code rdz.lead.received.v1} back from the real broker, from the beginning, as a consumer would. */
public final class LeadEvents implements AutoCloseable {

    /** One record as read: its key and its decoded envelope. */
    public record Read(String key, Envelope<LeadReceived> envelope) {
        public String leadId() {
            return envelope.payload().lead().leadId();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Read> seen = new ArrayList<>();

    public LeadEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, Topics.LEAD_PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.LEAD_RECEIVED, p))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every event read so far, after one more poll. */
    @SuppressWarnings("unchecked")
    public synchronized List<Read> all() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Read(r.key(), (Envelope<LeadReceived>) EventCodec.decode(r.value())));
        }
        return List.copyOf(seen);
    }

    public List<Read> forLead(String leadId) {
        return all().stream().filter(r -> r.leadId().equals(leadId)).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
