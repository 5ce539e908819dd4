package fr.rdz.delivery.pool.application;

import fr.rdz.delivery.planning.domain.PoolLead;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The pool of routed leads delivery plans from, keyed by lead id. */
public interface PoolLeads {

    /** Stores (or replaces) a routed lead; {@code erased}: its person asked to be forgotten, stored blank. */
    Mono<Void> upsert(LeadRouted routed, boolean erased);

    /** The lead is never resold to that client. */
    Mono<Void> markRejected(String leadId, String clientId);

    /** Blanks the personal fields of the person's leads and takes them out of distribution. */
    Mono<Void> erase(String phone);

    /** Erases (as {@link #erase(String)}) at most {@code limit} leads received before {@code instant} not erased yet. */
    Mono<Long> eraseReceivedBefore(Instant instant, int limit);

    /** What a run reads of the pool: the planning fields of the leads of {@code entities} received before. */
    Flux<PoolLead> forPlanning(Collection<Entity> entities, Instant before);

    /** The whole leads, by id. */
    Flux<LeadData> leads(Collection<String> leadIds);

    /** Marks the leads delivered by a run, to their client. */
    Mono<Void> recordDeliveries(String runId, Instant at, Map<String, String> clientByLead);

    /** Forgets the delivery marks of a run (a run redone after its planner died). */
    Mono<Void> removeRunDeliveries(String runId);
}
