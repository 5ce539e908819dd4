package fr.rdz.intake.lead.application;

import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the stored leads and their outbox (the entries of the leads still to publish). A lead to publish is
 * queued ({@link #queueForPublication}) and acknowledged before it is inserted, so a stored lead always has its entry.
 * An insert of an id already stored fails with Spring's {@code DuplicateKeyException}.
 */
public interface ReceivedLeads {

    /** A lead to insert (not stored yet). */
    StoredLead newLead(
            String id,
            LeadStatus status,
            String origin,
            String sessionId,
            String phone,
            Instant receivedAt,
            LeadReceived received,
            LeadOutbox outbox,
            List<String> warnings,
            String invalidEmail);

    /** Inserts a lead made by {@link #newLead} alone (an import). */
    Mono<? extends StoredLead> insert(StoredLead lead);

    /** Inserts a submitted lead made by {@link #newLead}, grouped with the concurrent ones; emits it once durable. */
    Mono<? extends StoredLead> insertSubmitted(StoredLead lead);

    /** One lead by id. */
    Mono<? extends StoredLead> lead(String id);

    /** Writes the outbox entry of a lead to publish; an entry already there is fine. */
    Mono<Void> queueForPublication(String leadId, Instant at);

    /** Drops the outbox entry of a lead that is not to be published. */
    Mono<Void> unqueue(String leadId);

    /** At most {@code limit} leads still to publish whose entry is due before {@code before}, oldest first. */
    Flux<? extends StoredLead> pendingPublication(Instant before, int limit);

    /** Queues the leads an earlier version left pending without an outbox entry (once per database). */
    Mono<Long> adoptLegacyPending();

    /** Marks the leads published (their event acknowledged) and drops their outbox entries. */
    Mono<Long> markPublished(Collection<String> ids, Instant at);
}
