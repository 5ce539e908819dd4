package fr.rdz.crmpush.push.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The people who withdrew their consent ({@code ConsentWithdrawn}, spec §11), by phone: a lead of theirs
 * in a batch planned before the withdrawal is left out of the push ({@link PushingLead}). Read by key
 * (the phone's hash), never scanned.
 */
public interface ConsentWithdrawals {

    /** Remembers the withdrawal of this phone (idempotent: the first time is kept). */
    Mono<Void> remember(String phone, Instant withdrawnAt);

    /** True when the person of this phone withdrew their consent. */
    Mono<Boolean> withdrawn(String phone);
}
