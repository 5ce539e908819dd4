package fr.rdz.kit.logging;

import io.micrometer.context.ThreadLocalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The correlation ids of the MDC ({@link CorrelationIds}) as one thread-local value for
 * Micrometer's context propagation: with {@code spring.reactor.context-propagation=auto}, a
 * consumer's {@code block()} captures them and Reactor restores them on every thread the use case
 * continues on (Mongo driver, Kafka producer), so that its log lines carry them too.
 */
public class CorrelationThreadLocalAccessor implements ThreadLocalAccessor<Map<String, String>> {

    public static final String KEY = "rdz.correlation-ids";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public Map<String, String> getValue() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : CorrelationIds.keys()) {
            String value = MDC.get(key);
            if (value != null) {
                ids.put(key, value);
            }
        }
        return ids.isEmpty() ? null : ids;
    }

    @Override
    public void setValue(Map<String, String> ids) {
        CorrelationIds.clear();
        ids.forEach(MDC::put);
    }

    @Override
    public void setValue() {
        CorrelationIds.clear();
    }
}
