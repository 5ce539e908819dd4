package fr.rdz.delivery.planning.domain;

import fr.rdz.events.Product;
import java.util.List;

/**
 * The batch of one commande in a run: its target and the leads, with the figures the dashboard shows
 * (Fresh, LB, cross-entity, duplicates skipped and replaced, short of target and why — {@link WhyShort}).
 */
public record PlannedBatch(
        String commandeId,
        String clientId,
        Product product,
        int target,
        List<PlannedDelivery> leads,
        int duplicatesReplaced,
        List<ShortReason> shortReasons) {

    public PlannedBatch {
        shortReasons = shortReasons == null ? List.of() : List.copyOf(shortReasons);
    }

    /** A batch whose reasons for being short are not known (none when it is not short). */
    public PlannedBatch(
            String commandeId,
            String clientId,
            Product product,
            int target,
            List<PlannedDelivery> leads,
            int duplicatesReplaced) {
        this(commandeId, clientId, product, target, leads, duplicatesReplaced, List.of());
    }

    /** The same batch with other reasons for being short. */
    public PlannedBatch withShortReasons(List<ShortReason> reasons) {
        return new PlannedBatch(commandeId, clientId, product, target, leads, duplicatesReplaced, reasons);
    }

    public int fresh() {
        return (int) leads.stream()
                .filter(l -> l.kind() == fr.rdz.events.LeadKind.FRESH)
                .count();
    }

    public int lb() {
        return leads.size() - fresh();
    }

    public int crossEntity() {
        return (int) leads.stream().filter(PlannedDelivery::crossEntity).count();
    }

    public boolean isShort() {
        return leads.size() < target;
    }

    public List<String> leadIds() {
        return leads.stream().map(PlannedDelivery::leadId).toList();
    }
}
