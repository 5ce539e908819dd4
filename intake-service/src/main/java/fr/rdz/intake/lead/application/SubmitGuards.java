package fr.rdz.intake.lead.application;

import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The port to the double-submit guards: one per session + phone, held by the first lead of the window. */
public interface SubmitGuards {

    /**
     * Claims the guard of {@code key} for {@code leadId}: the original lead id when another submission holds it since
     * {@code windowStart}, empty when this one is the first.
     */
    Mono<Optional<String>> claimGuard(String key, String leadId, Instant now, Instant windowStart);

    /** Deletes the guards older than {@code before}; emits how many. */
    Mono<Long> purgeGuards(Instant before);
}
