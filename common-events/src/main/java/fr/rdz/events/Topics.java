package fr.rdz.events;

import java.util.List;

/**
 * Topic names ({@code rdz.<name>.v<major>}), partition counts and cleanup policies: the one list
 * the local stack, the tests and the services create topics from.
 */
public final class Topics {

    public static final String LEAD_RECEIVED = "rdz.lead.received.v1";
    public static final String LEAD_ROUTED = "rdz.lead.routed.v1";
    public static final String LEAD_DELIVERED = "rdz.lead.delivered.v1";
    public static final String LEAD_REJECTED = "rdz.lead.rejected.v1";
    public static final String PERSON_ERASED = "rdz.person.erased.v1";
    public static final String CONSENT_WITHDRAWN = "rdz.consent.withdrawn.v1";
    public static final String DELIVERY_PLANNED = "rdz.delivery.planned.v1";
    public static final String DELIVERY_OUTCOME = "rdz.delivery.outcome.v1";
    public static final String RUN_COMPLETED = "rdz.run.completed.v1";
    public static final String CATALOG_FORMS = "rdz.catalog.forms.v1";
    public static final String CATALOG_LPS = "rdz.catalog.lps.v1";
    public static final String CATALOG_CLIENTS = "rdz.catalog.clients.v1";
    public static final String CATALOG_COMMANDES = "rdz.catalog.commandes.v1";

    /** Lead topics are keyed by phone and carry the volume: more partitions. */
    public static final int LEAD_PARTITIONS = 6;

    public static final int DEFAULT_PARTITIONS = 3;

    /** A topic as it must exist: name, partitions, log-compacted or not. */
    public record Spec(String name, int partitions, boolean compacted) {}

    public static final List<Spec> ALL = List.of(
            new Spec(LEAD_RECEIVED, LEAD_PARTITIONS, false),
            new Spec(LEAD_ROUTED, LEAD_PARTITIONS, false),
            new Spec(LEAD_DELIVERED, LEAD_PARTITIONS, false),
            new Spec(LEAD_REJECTED, LEAD_PARTITIONS, false),
            new Spec(PERSON_ERASED, LEAD_PARTITIONS, false),
            new Spec(CONSENT_WITHDRAWN, LEAD_PARTITIONS, false),
            new Spec(DELIVERY_PLANNED, DEFAULT_PARTITIONS, false),
            new Spec(DELIVERY_OUTCOME, DEFAULT_PARTITIONS, false),
            new Spec(RUN_COMPLETED, DEFAULT_PARTITIONS, false),
            new Spec(CATALOG_FORMS, DEFAULT_PARTITIONS, true),
            new Spec(CATALOG_LPS, DEFAULT_PARTITIONS, true),
            new Spec(CATALOG_CLIENTS, DEFAULT_PARTITIONS, true),
            new Spec(CATALOG_COMMANDES, DEFAULT_PARTITIONS, true));

    private Topics() {}
}
