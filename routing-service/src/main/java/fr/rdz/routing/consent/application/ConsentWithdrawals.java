package fr.rdz.routing.consent.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** The port to the persons' withdrawals of consent, keyed by the hash of their phone (never the phone itself). */
public interface ConsentWithdrawals {

    /** When the person of {@code phoneHash} first withdrew their consent; empty when they never did. */
    Mono<Instant> withdrawnAt(String phoneHash);

    /**
     * Records that the person of {@code phoneHash} withdrew their consent at {@code at} through {@code via}, unless
     * they already did; answers when they first withdrew it (this withdrawal's {@code at} when it is the first).
     */
    Mono<Instant> recordFirst(String phoneHash, Instant at, String via);
}
