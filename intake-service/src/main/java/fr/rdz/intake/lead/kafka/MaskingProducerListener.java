package fr.rdz.intake.lead.kafka;

import fr.rdz.events.Pii;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * Replaces spring-kafka's {@code LoggingProducerListener}, which logs the record key — a full
 * phone number for lead events. Failed sends are logged with the key masked; the outbox keeps the
 * lead pending, so nothing else is needed here.
 */
@Component
public class MaskingProducerListener implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(MaskingProducerListener.class);

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        log.warn(
                "Send to {} (key {}) failed: {}",
                record.topic(),
                record.key() == null ? "" : Pii.maskPhone(record.key().toString()),
                exception.toString());
    }
}
