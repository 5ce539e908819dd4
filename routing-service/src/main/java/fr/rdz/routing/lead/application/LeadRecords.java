package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The port to routing's record of each lead, keyed by lead id. */
public interface LeadRecords {

    /** The record of this lead (read by {@code _id}), empty when routing has none. */
    Mono<StoredLead> byId(String leadId);

    /**
     * Marks the lead rejected by {@code delivery}'s client, unless that client already rejected it, in one write:
     * the client joins the rejecting clients, the status becomes {@code rejected}, a {@code rejected} step (the
     * event's id, {@code at}, the delivery, {@code reason} and {@code by}) joins the history and {@code event} its
     * outbox.
     */
    Mono<Void> markRejected(
            String leadId,
            StoredLead.Delivery delivery,
            String reason,
            String by,
            Envelope<LeadRejected> event,
            Instant at);
}
