package fr.rdz.kit;

import fr.rdz.events.Pii;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Replaces spring-kafka's {@code LoggingProducerListener} in every service: that one logs the record
 * key — a full phone number for lead events — and the value on a failed send. Here a failed send is
 * logged with the key masked ({@link Pii#maskPhone}) and never the value; whoever sent the record
 * (an outbox relay, a listener's error handler) still sees the failure and decides what happens next.
 */
public class MaskingProducerListener implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(MaskingProducerListener.class);
    private static final MaskingProducerListener INSTANCE = new MaskingProducerListener();

    /** Puts the masking listener on a template (a new {@code KafkaTemplate} logs keys in clear by default). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends KafkaTemplate<?, ?>> T onto(T template) {
        ((KafkaTemplate) template).setProducerListener(INSTANCE);
        return template;
    }

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        log.warn(
                "Send to {} (key {}) failed: {}",
                record.topic(),
                record.key() == null ? "" : Pii.maskPhone(record.key().toString()),
                exception.toString());
    }
}
