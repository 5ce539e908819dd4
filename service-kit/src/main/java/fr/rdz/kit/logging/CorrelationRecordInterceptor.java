package fr.rdz.kit.logging;

import fr.rdz.events.Envelope;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the correlation ids of each consumed event ({@link CorrelationIds}) in the MDC of the
 * listener thread while it is handled, so that every log line of that thread (the listener, the
 * error handler, the dead-letter recoverer) carries them; cleared after each record.
 */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.value() instanceof Envelope<?> envelope) {
            CorrelationIds.enter(envelope);
        } else {
            CorrelationIds.clear();
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        CorrelationIds.clear();
    }
}
