package fr.rdz.events;

import java.util.Arrays;

/**
 * The stable logical name ({@code event_type}), current schema version and topic of every event.
 * Renaming a Java class never changes what is on the wire.
 */
public enum EventType {
    LEAD_RECEIVED("LeadReceived", 1, LeadReceived.class, Topics.LEAD_RECEIVED),
    LEAD_ROUTED("LeadRouted", 1, LeadRouted.class, Topics.LEAD_ROUTED),
    LEAD_REJECTED("LeadRejected", 1, LeadRejected.class, Topics.LEAD_REJECTED),
    PERSON_ERASED("PersonErased", 1, PersonErased.class, Topics.PERSON_ERASED),
    CONSENT_WITHDRAWN("ConsentWithdrawn", 1, ConsentWithdrawn.class, Topics.CONSENT_WITHDRAWN),
    LEAD_DELIVERED("LeadDelivered", 1, LeadDelivered.class, Topics.LEAD_DELIVERED),
    DELIVERY_PLANNED("DeliveryPlanned", 1, DeliveryPlanned.class, Topics.DELIVERY_PLANNED),
    RUN_COMPLETED("RunCompleted", 1, RunCompleted.class, Topics.RUN_COMPLETED),
    DELIVERY_OUTCOME("DeliveryOutcome", 1, DeliveryOutcome.class, Topics.DELIVERY_OUTCOME),
    FORM_SNAPSHOT("FormSnapshot", 1, FormSnapshot.class, Topics.CATALOG_FORMS),
    LP_SNAPSHOT("LpSnapshot", 1, LpSnapshot.class, Topics.CATALOG_LPS),
    CLIENT_SNAPSHOT("ClientSnapshot", 1, ClientSnapshot.class, Topics.CATALOG_CLIENTS),
    COMMANDE_SNAPSHOT("CommandeSnapshot", 1, CommandeSnapshot.class, Topics.CATALOG_COMMANDES);

    private final String logicalName;
    private final int schemaVersion;
    private final Class<? extends RdzEvent> payloadType;
    private final String topic;

    EventType(String logicalName, int schemaVersion, Class<? extends RdzEvent> payloadType, String topic) {
        this.logicalName = logicalName;
        this.schemaVersion = schemaVersion;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    public String logicalName() {
        return logicalName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends RdzEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    public static EventType of(RdzEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == event.getClass())
                .findFirst()
                .orElseThrow();
    }

    public static EventType named(String logicalName) {
        return Arrays.stream(values())
                .filter(t -> t.logicalName.equals(logicalName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event_type: " + logicalName));
    }
}
