package fr.rdz.notifier.email.kafka;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import fr.rdz.notifier.email.application.AssemblingBatchParts;
import fr.rdz.notifier.email.application.PermanentMailFailure;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.delivery.planned.v1} → {@link AssemblingBatchParts} (a big batch comes in parts) →
 * {@code SendingBatchEmail}. The one error policy of the
 * service (the kit's, built by {@code NotifierRetryTopics}): a failed attempt goes to the non-blocking retry topics
 * ({@code rdz.delivery.planned.v1.notifier-service.retry-<n>}, exponential backoff from
 * {@code rdz.notifier.retry.*}), the last one to {@code rdz.delivery.planned.v1.notifier-service.dlt}
 * with the reason in the {@value #REASON_HEADER} header (and Spring's {@code kafka_dlt-exception-*}
 * headers); a {@link PermanentMailFailure} or an unreadable record goes there at once.
 */
@Component
public class DeliveryPlannedListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlannedListener.class);

    /** The short, masked reason of the last failure, set on every retry and dead-letter record. */
    public static final String REASON_HEADER = "rdz_failure_reason";

    /** The service's dead-letter topic of this listener (named by the kit's policy after {@code spring.application.name}). */
    public static final String DLT = KafkaErrorPolicy.deadLetterTopic(Topics.DELIVERY_PLANNED, "notifier-service");

    private final AssemblingBatchParts sending;
    private final int maxAttempts;

    DeliveryPlannedListener(AssemblingBatchParts sending, @Value("${rdz.notifier.retry.attempts:6}") int maxAttempts) {
        this.sending = sending;
        this.maxAttempts = maxAttempts;
    }

    @KafkaListener(id = "notifier-delivery-planned", topics = Topics.DELIVERY_PLANNED)
    void on(ConsumerRecord<String, Envelope<?>> record) {
        if (!(record.value() != null && record.value().payload() instanceof DeliveryPlanned batch)) {
            log.warn("{}@{}: not a DeliveryPlanned, ignored", record.topic(), record.offset());
            return;
        }
        int attempt = attempt(record);
        sending.receive(batch, attempt < maxAttempts);
    }

    /** The dead-letter handler of the retry topics ({@code NotifierRetryTopics}). */
    public void onDeadLetter(ConsumerRecord<String, Envelope<?>> record) {
        String reason = header(record, REASON_HEADER);
        if (reason == null) {
            reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        }
        if (!(record.value() != null && record.value().payload() instanceof DeliveryPlanned batch)) {
            log.error("{}@{}: dead letter that is not a DeliveryPlanned: {}", record.topic(), record.offset(), reason);
            return;
        }
        sending.deadLettered(batch, reason);
    }

    /** 1 on the main topic; the retry topics carry the attempt number in {@code retry_topic-attempts}. */
    static int attempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        if (header == null || header.value() == null || header.value().length == 0) {
            return 1;
        }
        return header.value().length <= Integer.BYTES
                ? new BigInteger(header.value()).intValue()
                : Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
