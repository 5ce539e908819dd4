package fr.rdz.notifier.email.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The people who withdrew their consent ({@code ConsentWithdrawn}, spec §11), by phone: a lead of theirs
 * in a batch planned before the withdrawal is left out of the batch e-mail ({@link SendingBatchEmail}).
 * Read by key (the phone's hash), never scanned.
 */
public interface ConsentWithdrawals {

    /** No withdrawal known (compositions without the store: the mail's own unit tests). */
    ConsentWithdrawals NONE = new ConsentWithdrawals() {
        @Override
        public void remember(String phone, Instant withdrawnAt) {
            throw new UnsupportedOperationException("no withdrawal store");
        }

        @Override
        public Set<String> withdrawnAmong(Collection<String> phones) {
            return Set.of();
        }
    };

    /** Remembers the withdrawal of this phone (idempotent: the first time is kept). */
    void remember(String phone, Instant withdrawnAt);

    /** Those of {@code phones} whose person withdrew their consent. */
    Set<String> withdrawnAmong(Collection<String> phones);
}
