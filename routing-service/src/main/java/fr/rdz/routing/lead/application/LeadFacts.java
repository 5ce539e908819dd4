package fr.rdz.routing.lead.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to what delivery and the channels report about leads after routing: routing's copy of the delivery
 * ledger (with each phone's deliveries, which the 30-day duplicate rule reads), the channels' reports, and the facts
 * not yet copied into a lead's record (pending work: a fact may arrive before the lead is routed). Every write is
 * keyed by the fact, so a redelivered event writes the same thing. {@code F} is the adapter's own fact (its stored
 * record), so what it answers is what it is given back, without a cast.
 */
public interface LeadFacts<F extends LeadFacts.Pending> {

    /**
     * Saves the ledger line of this delivery (keyed by lead, client and batch) and adds it to its phone's facts;
     * answers it as a fact for the lead's history.
     */
    Mono<F> delivered(Envelope<LeadDelivered> envelope);

    /**
     * Saves what the channel reported for the lead {@code leadId} (keyed by event and lead): a {@code type} history
     * step with the outcome's status, channel, client, batch, run and reason; answers it as a fact for the lead's
     * history.
     */
    Mono<F> reported(String eventId, String type, DeliveryOutcome outcome, String leadId);

    /** Keeps the fact as pending work until it is copied into the lead's record. */
    Mono<Void> keep(F fact);

    /** The facts still pending for this lead (read by {@code leadId} in the small pending collection). */
    Flux<F> pendingOf(String leadId);

    /**
     * Copies the fact into the lead's record (its history; a ledger line also its deliveries and the status
     * {@code delivered}) unless the record's history already holds its event: true when the record holds it
     * afterwards, false when the lead has no record (yet).
     */
    Mono<Boolean> copyOnce(F fact);

    /** The fact is no longer pending (removed by its id). */
    Mono<Void> forget(F fact);

    /** A fact for a lead's history, as this port answers it (the stored record itself). */
    interface Pending {

        String leadId();

        String eventId();

        /** A line of the delivery ledger (copied before the channels' reports); otherwise a channel's report. */
        boolean ledgerLine();
    }
}
