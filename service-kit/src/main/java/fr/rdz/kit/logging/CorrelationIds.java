package fr.rdz.kit.logging;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.RunCompleted;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids that follow a lead through the system, as MDC keys (shown by the JSON logs): {@code
 * lead_id} while a lead travels alone (received, routed, delivered), {@code batch_id} from the
 * daily run on (the e-mail and the pushes of that batch), {@code run_id}, and {@code
 * correlation_id}: the lead id, or the batch id once the lead is in a batch. Never a phone or an
 * address (the key of {@code LeadDelivered} is a phone: it is not used).
 */
public final class CorrelationIds {

    public static final String EVENT_ID = "event_id";
    public static final String LEAD_ID = "lead_id";
    public static final String BATCH_ID = "batch_id";
    public static final String RUN_ID = "run_id";
    public static final String CORRELATION_ID = "correlation_id";

    private static final String[] KEYS = {EVENT_ID, LEAD_ID, BATCH_ID, RUN_ID, CORRELATION_ID};

    private CorrelationIds() {}

    /** The MDC entries of one event (only the ids it carries). */
    public static Map<String, String> of(Envelope<?> envelope) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (envelope == null) {
            return ids;
        }
        put(
                ids,
                EVENT_ID,
                envelope.eventId() == null ? null : envelope.eventId().toString());
        Object payload = envelope.payload();
        if (payload instanceof LeadReceived r && r.lead() != null) {
            put(ids, LEAD_ID, r.lead().leadId());
        } else if (payload instanceof LeadRouted r && r.lead() != null) {
            put(ids, LEAD_ID, r.lead().leadId());
        } else if (payload instanceof LeadDelivered d) {
            put(ids, LEAD_ID, d.leadId());
            put(ids, BATCH_ID, d.batchId());
            put(ids, RUN_ID, d.runId());
        } else if (payload instanceof LeadRejected r) {
            put(ids, LEAD_ID, r.leadId());
            put(ids, BATCH_ID, r.batchId());
        } else if (payload instanceof DeliveryPlanned p) {
            put(ids, BATCH_ID, p.batchId());
            put(ids, RUN_ID, p.runId());
        } else if (payload instanceof DeliveryOutcome o) {
            put(ids, BATCH_ID, o.batchId());
            put(ids, RUN_ID, o.runId());
            if (o.leadIds() != null && o.leadIds().size() == 1) {
                put(ids, LEAD_ID, o.leadIds().get(0));
            }
        } else if (payload instanceof RunCompleted c) {
            put(ids, RUN_ID, c.runId());
        }
        String correlation = ids.containsKey(BATCH_ID) ? ids.get(BATCH_ID) : ids.get(LEAD_ID);
        put(ids, CORRELATION_ID, correlation != null ? correlation : ids.get(RUN_ID));
        return ids;
    }

    /** Puts the ids of {@code envelope} in the MDC of this thread, replacing those of an earlier event. */
    public static void enter(Envelope<?> envelope) {
        clear();
        of(envelope).forEach(MDC::put);
    }

    /** The MDC keys this class puts. */
    public static String[] keys() {
        return KEYS.clone();
    }

    /** Removes every id this class puts. */
    public static void clear() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }

    private static void put(Map<String, String> ids, String key, String value) {
        if (value != null && !value.isBlank()) {
            ids.put(key, value);
        }
    }
}
