package fr.rdz.delivery.planning.domain;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run for D sees only the leads received before D 09:30 Paris ({@link RunReference}); a lead received
 * later waits for the next run. Counts, for a commande, the distributable leads it could have taken
 * had they arrived before the cut-off: same product, one of its départements, its entity (or the
 * other one when it allows cross-entity), never rejected by its client.
 */
public final class ReceivedAfterCutOff {

    private ReceivedAfterCutOff() {}

    /** How far the pool is read for a run: up to now when the run is planned after its cut-off. */
    public static Instant readUntil(Instant reference, Instant now) {
        return now.isAfter(reference) ? now : reference;
    }

    /** Adds {@link ShortReason.Code#RECEIVED_AFTER_CUT_OFF} to the short batches that late leads could have filled. */
    public static List<PlannedBatch> explain(
            List<PlannedBatch> batches,
            Collection<CommandeSnapshot> commandes,
            Entity own,
            Collection<PoolLead> lateLeads,
            Instant reference) {
        if (lateLeads.isEmpty()) {
            return batches;
        }
        Map<String, CommandeSnapshot> byId = new HashMap<>();
        commandes.forEach(c -> byId.put(c.id(), c));
        List<PlannedBatch> explained = new ArrayList<>(batches.size());
        for (PlannedBatch b : batches) {
            CommandeSnapshot commande = byId.get(b.commandeId());
            if (!b.isShort() || commande == null) {
                explained.add(b);
                continue;
            }
            explained.add(b.withShortReasons(
                    WhyShort.withLateLeads(b.shortReasons(), count(commande, own, lateLeads), reference)));
        }
        return explained;
    }

    public static long count(CommandeSnapshot commande, Entity own, Collection<PoolLead> lateLeads) {
        return lateLeads.stream()
                .filter(l -> l.entity() == own || (commande.allowCrossEntity() && l.entity() != null))
                .filter(l -> l.product() == commande.product())
                .filter(l -> l.departement() != null
                        && (commande.departements() == null
                                || commande.departements().contains(CommandeSnapshot.ALL_DEPARTEMENTS)
                                || commande.departements().contains(l.departement())))
                .filter(l -> !l.rejectedBy().contains(commande.clientId()))
                .count();
    }
}
