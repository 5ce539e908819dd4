package fr.rdz.kit.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The correlation ids of one lead or one pushed lead of a batch in the MDC for a few log lines
 * (try-with-resources), where no consumed event put them ({@link CorrelationRecordInterceptor}): the
 * HTTP path of a lead, or a reactive step that continues on a client's thread. Closing it puts back
 * what the MDC held before, so an enclosing event's ids are not lost.
 */
public final class CorrelationScope implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private CorrelationScope(Map<String, String> ids) {
        ids.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
    }

    /** A lead travelling alone: {@code lead_id} and {@code correlation_id} are its id. */
    public static CorrelationScope ofLead(String leadId) {
        Map<String, String> ids = new LinkedHashMap<>();
        put(ids, CorrelationIds.LEAD_ID, leadId);
        put(ids, CorrelationIds.CORRELATION_ID, leadId);
        return new CorrelationScope(ids);
    }

    /** A lead of a batch: {@code correlation_id} is the batch id, {@code lead_id} names the lead. */
    public static CorrelationScope ofBatchLead(String batchId, String leadId) {
        Map<String, String> ids = new LinkedHashMap<>();
        put(ids, CorrelationIds.BATCH_ID, batchId);
        put(ids, CorrelationIds.LEAD_ID, leadId);
        put(ids, CorrelationIds.CORRELATION_ID, batchId != null && !batchId.isBlank() ? batchId : leadId);
        return new CorrelationScope(ids);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    private static void put(Map<String, String> ids, String key, String value) {
        if (value != null && !value.isBlank()) {
            ids.put(key, value);
        }
    }
}
