package fr.rdz.notifier.email.application;

import fr.rdz.notifier.email.domain.WithdrawalNotice;
import java.util.List;

/**
 * The withdrawals of consent each client is still to be told (spec §11): remembered when routing
 * reports one, added to the client's next batch e-mail, forgotten once that e-mail is sent.
 */
public interface WithdrawalNotices {

    /** Nothing to tell, ever (tests of other behaviour). */
    WithdrawalNotices NONE = new WithdrawalNotices() {
        @Override
        public void remember(String clientId, WithdrawalNotice notice) {}

        @Override
        public List<WithdrawalNotice> pending(String clientId) {
            return List.of();
        }

        @Override
        public void told(String clientId, List<WithdrawalNotice> notices) {}
    };

    /** Remembers a notice for the client (remembering the same one twice keeps one). */
    void remember(String clientId, WithdrawalNotice notice);

    /** The notices the client is still to be told, oldest first. */
    List<WithdrawalNotice> pending(String clientId);

    /** Forgets the notices an e-mail told the client. */
    void told(String clientId, List<WithdrawalNotice> notices);
}
