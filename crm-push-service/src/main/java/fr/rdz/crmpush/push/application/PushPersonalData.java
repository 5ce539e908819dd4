package fr.rdz.crmpush.push.application;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The personal data crm-push keeps of a lead: the task in its push ledger entry ({@code push_attempts})
 * and in its dead letter ({@code dead_letters}, same id), both holding the whole lead. A push is
 * erased as one ({@link #erase}), whether the person asked for it or the retention limit passed.
 */
public interface PushPersonalData {

    /** Ids of the pushes (ledger entries or dead letters) that still hold this phone. */
    Flux<String> pushesOf(String phone);

    /** Ids of at most {@code limit} ledger entries of leads received before {@code before}, not erased yet. */
    Flux<String> receivedBefore(Instant before, int limit);

    /** Ids of at most {@code limit} dead letters recorded before {@code before}, not erased yet (also those without ledger entry). */
    Flux<String> deadLetteredBefore(Instant before, int limit);

    /**
     * Erases one push: in its ledger entry and its dead letter the task's lead loses its personal data
     * (contact but the département, consent IP and browser), the phone hash and the record key (the
     * phone) go, the entry is flagged {@code erased}; a push not final yet becomes {@code ERASED}
     * (final: never POSTed), an open dead letter {@code resolved}. True when something changed.
     */
    Mono<Boolean> erase(String pushId, Instant at);
}
