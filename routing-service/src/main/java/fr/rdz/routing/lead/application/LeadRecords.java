package fr.rdz.routing.lead.application;

import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The port to routing's record of each lead, keyed by lead id. */
public interface LeadRecords {

    /**
     * Stores the record of a lead routed now, with its {@code received} and {@code routed} history steps (then one
     * step per consent-aware routing step) and its {@code LeadRouted} in its outbox, in one insert keyed by the lead
     * id. Empty when a record of this lead already exists (a redelivered {@code LeadReceived} raced this one): the
     * caller reads it.
     */
    Mono<StoredLead> insertRouted(RoutedLead routed);

    /** The record of this lead (read by {@code _id}), empty when routing has none. */
    Mono<StoredLead> byId(String leadId);

    /**
     * The records of the leads the phone lookup keeps under this (normalised) phone, each read by {@code _id}, in
     * the lookup's order (no scan of the leads). The lookup may still name a lead whose phone changed or was erased:
     * callers check the record.
     */
    Flux<StoredLead> ofPhone(String phone);

    /**
     * Marks the lead's consent withdrawn, in one write: {@code lead} (its consent withdrawn) replaces the lead's data,
     * {@code reason} becomes its reason, a {@code consent_withdrawn} step (the routed event's id, {@code at}, state
     * {@code no_consent}, {@code historyReason}) joins the history and {@code routed}, then {@code notice}, its
     * outbox. {@code outOfRouting}: a lead not delivered also becomes {@code no_consent} with no
     * eligible commande.
     */
    Mono<Void> markWithdrawn(
            String leadId,
            LeadData lead,
            String reason,
            String historyReason,
            boolean outOfRouting,
            Envelope<LeadRouted> routed,
            Envelope<ConsentWithdrawn> notice,
            Instant at);

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
