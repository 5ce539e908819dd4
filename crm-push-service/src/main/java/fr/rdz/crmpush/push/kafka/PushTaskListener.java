package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.PushingLead;
import fr.rdz.crmpush.push.application.RecordingDeadLetter;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.domain.UnreadableTaskException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;

/**
 * The task topic and its retry topics (non-blocking retries, {@code PushRetryTopics}): one push attempt per record,
 * asynchronous (the consumer thread never waits for a CRM; it waits only until the push is recorded in the ledger). A {@code RetryablePushException} moves the record to the
 * next retry topic, then to the DLT, whose records {@link #onDeadLetter} keeps as dead letters.
 */
public class PushTaskListener {

    private static final Duration DLT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final PushingLead pushing;
    private final RecordingDeadLetter deadLetters;

    public PushTaskListener(PushingLead pushing, RecordingDeadLetter deadLetters) {
        this.pushing = pushing;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = "crm-push-tasks",
            groupId = "${spring.kafka.consumer.group-id}",
            topics = "${rdz.crm-push.tasks-topic}",
            containerFactory = "pushTaskListenerContainerFactory",
            concurrency = "${rdz.crm-push.listener-concurrency}")
    public Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        PushTask task = PushTaskCodec.decode(record.value());
        // the offset is committed as soon as this method returns: the ledger must know the push by then, or a
        // kill -9 between the two would lose it (found by deploy/e2e's FaultSuiteIT). Blocking here is the
        // consumer thread's, bounded; a failure sends the record to the retry path, still in Kafka.
        pushing.open(task).block(OPEN_TIMEOUT);
        return pushing.pushOpened(task, attempt(record));
    }

    /** Called for every record of the DLT. */
    public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        String value = PushTaskCodec.text(record.value());
        String error = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        PushTask task;
        try {
            task = PushTaskCodec.decode(record.value());
        } catch (UnreadableTaskException e) {
            String id = "unreadable:" + record.topic() + "-" + record.partition() + "-" + record.offset();
            deadLetters.recordUnreadable(id, record.key(), value, error).block(DLT_TIMEOUT);
            return;
        }
        deadLetters.record(task, record.key(), value, error).block(DLT_TIMEOUT);
    }

    /** The attempt number within this pass through the topics: 1 on the task topic, from the retry header after. */
    static int attempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        if (header == null || header.value() == null || header.value().length == 0) {
            return 1;
        }
        return new BigInteger(header.value()).intValue();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
