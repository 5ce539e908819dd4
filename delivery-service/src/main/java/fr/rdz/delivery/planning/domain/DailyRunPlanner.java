package fr.rdz.delivery.planning.domain;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the batches of one entity's run for one date (spec §5.2–5.6), without any I/O. For each
 * served commande, in priority order: the paced target; own-entity Fresh oldest first; then, if short
 * and allowed, own-entity LB oldest first up to the LB cap; then, if still short and the commande opted
 * in, the other entity's Fresh, then its LB (same cap). A lead that is a 30-day duplicate for the
 * client (or shares a phone with a lead already in the batch), or was rejected by the client, is
 * skipped and the next eligible lead taken instead; so is a lead whose consent does not cover the
 * client (own entity or cross-entity alike). A taken lead goes to no other commande of the run.
 */
public final class DailyRunPlanner {

    public List<PlannedBatch> plan(RunInput input) {
        Instant reference = RunReference.of(input.date());
        List<CommandeSnapshot> served =
                CommandeSelection.served(input.commandes(), input.clients(), input.entity(), input.date());
        boolean crossEntity = served.stream().anyMatch(CommandeSnapshot::allowCrossEntity);
        Set<Entity> entities = crossEntity ? EnumSet.allOf(Entity.class) : EnumSet.of(input.entity());
        LeadPoolIndex index = LeadPoolIndex.build(input.pool(), entities, new LeadAge(reference));
        DuplicateRule duplicates = DuplicateRule.from(input.ledger(), reference);
        WeeklyQuotaPacing pacing = new WeeklyQuotaPacing(input.date(), input.ledger());

        List<PlannedBatch> batches = new ArrayList<>(served.size());
        for (CommandeSnapshot commande : served) {
            batches.add(new BatchFilling(commande, pacing.target(commande), index, duplicates, input.entity()).fill());
        }
        return batches;
    }

    private static final class BatchFilling {
        private final CommandeSnapshot commande;
        private final int target;
        private final int lbCap;
        private final LeadPoolIndex index;
        private final DuplicateRule duplicates;
        private final Entity own;
        private final List<PlannedDelivery> leads = new ArrayList<>();
        private int lb;
        private int duplicatesReplaced;
        private int rejectedSkipped;

        BatchFilling(CommandeSnapshot commande, int target, LeadPoolIndex index, DuplicateRule duplicates, Entity own) {
            this.commande = commande;
            this.target = target;
            this.lbCap = LbCap.of(target, commande.lbMaxPercent());
            this.index = index;
            this.duplicates = duplicates;
            this.own = own;
        }

        PlannedBatch fill() {
            take(own, LeadAge.Kind.FRESH);
            take(own, LeadAge.Kind.LB);
            if (commande.allowCrossEntity()) {
                take(own.other(), LeadAge.Kind.FRESH);
                take(own.other(), LeadAge.Kind.LB);
            }
            return new PlannedBatch(
                    commande.id(),
                    commande.clientId(),
                    commande.product(),
                    target,
                    List.copyOf(leads),
                    duplicatesReplaced,
                    WhyShort.of(
                            commande,
                            target,
                            leads.size(),
                            lb,
                            lbCap,
                            leads.size() < target && lb >= lbCap && eligibleLbLeft(),
                            duplicatesReplaced,
                            rejectedSkipped));
        }

        /** Whether an LB lead this commande could take is left (called only once the cap stopped it). */
        private boolean eligibleLbLeft() {
            List<Entity> entities = commande.allowCrossEntity() ? List.of(own, own.other()) : List.of(own);
            for (Entity entity : entities) {
                LeadPoolIndex.Candidates candidates =
                        index.candidates(entity, commande.product(), LeadAge.Kind.LB, commande.departements());
                for (int position = candidates.next(); position >= 0; position = candidates.next()) {
                    PoolLead lead = index.lead(position);
                    if (!lead.rejectedBy().contains(commande.clientId())
                            && !duplicates.isDuplicate(commande.clientId(), commande.product(), lead.phone())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean wants(LeadAge.Kind kind) {
            return leads.size() < target && (kind == LeadAge.Kind.FRESH || lb < lbCap);
        }

        private void take(Entity entity, LeadAge.Kind kind) {
            if (!wants(kind)) {
                return;
            }
            LeadPoolIndex.Candidates candidates =
                    index.candidates(entity, commande.product(), kind, commande.departements());
            for (int position = candidates.next(); position >= 0; position = candidates.next()) {
                PoolLead lead = index.lead(position);
                if (lead.rejectedBy().contains(commande.clientId())) {
                    rejectedSkipped++;
                    continue;
                }
                if (!lead.consentCovers(commande.clientId())) {
                    continue; // hors consentement: never to a client the person did not accept
                }
                if (duplicates.isDuplicate(commande.clientId(), commande.product(), lead.phone())) {
                    duplicatesReplaced++;
                    continue;
                }
                index.take(position);
                duplicates.record(commande.clientId(), commande.product(), lead.phone());
                boolean isLb = kind == LeadAge.Kind.LB;
                if (isLb) {
                    lb++;
                }
                leads.add(new PlannedDelivery(
                        lead.leadId(),
                        lead.phone(),
                        lead.entity(),
                        isLb ? LeadKind.LB : LeadKind.FRESH,
                        entity != own));
                if (!wants(kind)) {
                    return;
                }
            }
        }
    }
}
