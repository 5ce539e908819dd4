package fr.rdz.routing.stats.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The anonymous contribution of one fact to the dashboard (a lead received, a lead delivered, a
 * batch outcome, a rejection…): the day (Paris) and dimensions it counts under and its counters.
 * Keyed by the fact, so recording it again changes nothing; the dashboard sums them with an
 * aggregation. No personal data: erasure leaves the figures intact. {@code clientId} and
 * {@code commandeId} are set only for client-level facts (deliveries, batches, rejections; e-mail and
 * push outcomes carry the client only).
 */
public record Figure(
        String id,
        String day,
        Entity entity,
        Product product,
        String departement,
        String formCode,
        String lpCode,
        String utmSource,
        String utmCampaign,
        String qualityTier,
        String clientId,
        String commandeId,
        Map<String, Integer> counts) {

    public static final String RECEIVED = "received";
    public static final String VALID = "valid";
    public static final String INVALID_PHONE = "invalid_phone";
    public static final String MISSING_REQUIRED = "missing_required";
    public static final String DOUBLE_SUBMIT = "double_submit";
    public static final String ORPHAN = "orphan";
    public static final String ROUTED = "routed";
    public static final String NO_ORDER = "no_order";
    /** Leads submitted with {@code rgpd_consent: false}: stored, never delivered. */
    public static final String NO_CONSENT = "no_consent";

    public static final String DELIVERED = "delivered";
    public static final String DELIVERED_FRESH = "delivered_fresh";
    public static final String DELIVERED_LB = "delivered_lb";
    public static final String DELIVERED_CROSS_ENTITY = "delivered_cross_entity";
    public static final String DUPLICATES_REPLACED = "duplicates_replaced";
    public static final String COMMANDES_SHORT = "commandes_short";
    public static final String EMAILS_SENT = "emails_sent";
    public static final String EMAIL_FAILURES = "email_failures";
    public static final String PUSHES_SUCCEEDED = "pushes_succeeded";
    public static final String PUSH_DUPLICATES = "push_duplicates";
    public static final String PUSH_FAILURES = "push_failures";
    public static final String REJECTED = "rejected";
    /** Sum of the targets of the batches of runs (from {@code RunCompleted}). */
    public static final String BATCH_TARGET = "batch_target";
    /** Number of batches planned by runs, empty and short ones included. */
    public static final String BATCHES = "batches";

    /** Every counter, in the order the dashboard shows them. */
    public static final List<String> COUNTERS = List.of(
            RECEIVED,
            VALID,
            INVALID_PHONE,
            MISSING_REQUIRED,
            DOUBLE_SUBMIT,
            ORPHAN,
            ROUTED,
            NO_ORDER,
            NO_CONSENT,
            DELIVERED,
            DELIVERED_FRESH,
            DELIVERED_LB,
            DELIVERED_CROSS_ENTITY,
            DUPLICATES_REPLACED,
            COMMANDES_SHORT,
            EMAILS_SENT,
            EMAIL_FAILURES,
            PUSHES_SUCCEEDED,
            PUSH_DUPLICATES,
            PUSH_FAILURES,
            REJECTED,
            BATCH_TARGET,
            BATCHES);

    /** The dimensions a dashboard may group by, and the field each reads. */
    public static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("day", "day"),
            Map.entry("entity", "entity"),
            Map.entry("product", "product"),
            Map.entry("departement", "departement"),
            Map.entry("source", "formCode"),
            Map.entry("form", "formCode"),
            Map.entry("lp", "lpCode"),
            Map.entry("utm_source", "utmSource"),
            Map.entry("utm_campaign", "utmCampaign"),
            Map.entry("quality_tier", "qualityTier"),
            Map.entry("client", "clientId"),
            Map.entry("commande", "commandeId"));

    /** The dimensions no dashboard filters by: the day and the entity (a dashboard is of a period and a scope). */
    public static final Set<String> UNFILTERED = Set.of("day", "entity");

    /** The filters a dashboard may apply (query parameter → field): every dimension but the day and entity. */
    public static final Map<String, String> FILTERS = GROUPS.entrySet().stream()
            .filter(group -> !UNFILTERED.contains(group.getKey()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
}
