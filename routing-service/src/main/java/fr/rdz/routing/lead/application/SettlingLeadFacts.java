package fr.rdz.routing.lead.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import java.util.Comparator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a fact reported after routing reaches a lead's record: it is kept as pending work, copied into
 * the record once (if the record exists), then forgotten; a lead routed later copies what is still
 * pending for it. Typed by the port's own fact, so the port gets back exactly what it answered.
 */
final class SettlingLeadFacts<F extends LeadFacts.Pending> {

    private final LeadFacts<F> facts;

    private SettlingLeadFacts(LeadFacts<F> facts) {
        this.facts = facts;
    }

    static <F extends LeadFacts.Pending> SettlingLeadFacts<F> of(LeadFacts<F> facts) {
        return new SettlingLeadFacts<>(facts);
    }

    /** Saves the ledger line of this delivery, then settles it. */
    Mono<Void> delivered(Envelope<LeadDelivered> envelope) {
        return facts.delivered(envelope).flatMap(this::settle);
    }

    /** Saves what the channel reported for the lead {@code leadId} as a {@code type} step, then settles it. */
    Mono<Void> reported(String eventId, String type, DeliveryOutcome outcome, String leadId) {
        return facts.reported(eventId, type, outcome, leadId).flatMap(this::settle);
    }

    /** Copies the facts still pending for the lead into its record: ledger lines first, then channel reports. */
    Mono<Void> copyPending(String leadId) {
        return facts.pendingOf(leadId)
                .collectList()
                .flatMapMany(pending -> Flux.fromIterable(pending.stream()
                        // ledger lines first, then channel reports (as they were copied before)
                        .sorted(Comparator.comparing((F f) -> !f.ledgerLine()))
                        .toList()))
                .concatMap(this::copyThenForget)
                .then();
    }

    /**
     * Keeps the fact as pending work, then copies it into the lead's record if the record exists;
     * a lead routed after this check finds the pending fact ({@link #copyPending}).
     */
    private Mono<Void> settle(F fact) {
        return facts.keep(fact).then(copyThenForget(fact));
    }

    private Mono<Void> copyThenForget(F fact) {
        return facts.copyOnce(fact).flatMap(copied -> copied ? facts.forget(fact) : Mono.<Void>empty());
    }
}
