package fr.rdz.routing.lead.mongo;

import fr.rdz.routing.lead.application.LeadFacts;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A fact for a lead's history (a ledger line or a channel report) not yet copied into its routing
 * record. Written before the copy and removed once it is done, so this collection holds only pending
 * work (facts that arrived before the lead was routed, or whose copy was interrupted): the lead's
 * routing reads it by {@code leadId} (a scan of this small collection on the Mongo stand-in) instead
 * of the whole ledger and channel history.
 */
@Document("lead_facts_pending")
public record PendingLeadFact(@Id String id, String leadId, LedgerEntry line, ChannelHistory channel)
        implements LeadFacts.Pending {

    public static PendingLeadFact of(LedgerEntry line) {
        // without the phone: copying the line into the history does not need it
        LedgerEntry withoutPhone = new LedgerEntry(
                line.id(),
                line.leadId(),
                null,
                line.product(),
                line.clientId(),
                line.deliveredAt(),
                line.eventId(),
                line.commandeId(),
                line.batchId(),
                line.runId(),
                line.kind(),
                line.crossEntity());
        return new PendingLeadFact("ledger:" + line.id(), line.leadId(), withoutPhone, null);
    }

    public static PendingLeadFact of(ChannelHistory channel) {
        return new PendingLeadFact("channel:" + channel.id(), channel.leadId(), null, channel);
    }

    @Override
    public boolean ledgerLine() {
        return line != null;
    }

    @Override
    public String eventId() {
        return line != null ? line.eventId() : channel.entry().eventId();
    }

    @Override
    public String toString() {
        return "PendingLeadFact[id=" + id + "]";
    }
}
