package fr.rdz.crmpush.push.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A record on the task topic itself starts a fresh cycle of attempts: the retry and dead-letter headers a record
 * copied from the DLT carries (Kafka UI "copy with headers") are dropped before it is handled, so it behaves exactly
 * like an admin replay. Records on the retry topics keep theirs.
 */
public class RetryHeaders implements RecordInterceptor<String, byte[]> {

    static final String RETRY_PREFIX = "retry_topic-";
    static final String DLT_PREFIX = "kafka_dlt-";

    private final String taskTopic;

    public RetryHeaders(String taskTopic) {
        this.taskTopic = taskTopic;
    }

    @Override
    public ConsumerRecord<String, byte[]> intercept(
            ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        if (taskTopic.equals(record.topic())) {
            for (Header header : record.headers().toArray()) {
                if (header.key().startsWith(RETRY_PREFIX) || header.key().startsWith(DLT_PREFIX)) {
                    record.headers().remove(header.key());
                }
            }
        }
        return record;
    }
}
