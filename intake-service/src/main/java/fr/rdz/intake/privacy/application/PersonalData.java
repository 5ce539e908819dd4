package fr.rdz.intake.privacy.application;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the personal data intake holds (leads, visitor sessions, tracking events, quarantined bodies), as the
 * erasure of a person and the retention limit erase it. {@code L} is a lead as the store holds it: the application
 * only hands it back to {@link #erase}.
 */
public interface PersonalData<L> {

    /** The leads of {@code phone} received up to {@code upTo} that still hold it (an erased lead no longer does). */
    Flux<L> leadsOf(String phone, Instant upTo);

    /** At most {@code limit} leads received before {@code before} and not erased yet. */
    Flux<L> receivedBefore(Instant before, int limit);

    /** Erases the personal data of one lead, with its session and tracking events; true when the lead changed. */
    Mono<Boolean> erase(L lead, Instant at);

    /** Deletes the quarantined bodies that hold this phone; emits how many. */
    Mono<Long> deleteQuarantinedWith(String phone);

    /** Deletes the visitor sessions opened before {@code before}. */
    Mono<Long> deleteSessionsBefore(Instant before);

    /** Deletes the tracking events recorded before {@code before}. */
    Mono<Long> deleteTrackingBefore(Instant before);

    /** Deletes the quarantined bodies received before {@code before}. */
    Mono<Long> deleteQuarantineBefore(Instant before);
}
