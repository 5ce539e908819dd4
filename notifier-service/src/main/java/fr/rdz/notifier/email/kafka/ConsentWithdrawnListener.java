package fr.rdz.notifier.email.kafka;

import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.notifier.email.application.ConsentWithdrawals;
import fr.rdz.notifier.email.application.WithdrawalNotices;
import fr.rdz.notifier.email.domain.WithdrawalNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.consent.withdrawn.v1} → {@link ConsentWithdrawals} (the person's leads are left out of
 * the batches still to e-mail) and {@link WithdrawalNotices}: each client who received the lead in
 * the last 30 days is told in its next batch e-mail. Remembering twice keeps one notice (redelivery
 * changes nothing); a failure is thrown back to the container.
 */
@Component
class ConsentWithdrawnListener {

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawnListener.class);

    private final WithdrawalNotices notices;
    private final ConsentWithdrawals withdrawals;

    ConsentWithdrawnListener(WithdrawalNotices notices, ConsentWithdrawals withdrawals) {
        this.notices = notices;
        this.withdrawals = withdrawals;
    }

    @KafkaListener(id = "notifier-consent-withdrawn", idIsGroup = false, topics = Topics.CONSENT_WITHDRAWN)
    void on(Envelope<?> envelope) {
        if (envelope != null
                && envelope.payload() instanceof ConsentWithdrawn event
                && event.phone() != null
                && !event.phone().isBlank()) {
            // the person's leads still waiting in a planned batch are left out of its e-mail
            withdrawals.remember(event.phone(), event.withdrawnAt());
        }
        if (envelope != null
                && envelope.payload() instanceof ConsentWithdrawn event
                && event.clientIds() != null
                && !event.clientIds().isEmpty()) {
            WithdrawalNotice notice = new WithdrawalNotice(event.leadId(), event.phone(), event.withdrawnAt());
            event.clientIds().forEach(client -> notices.remember(client, notice));
            log.info(
                    "{}: {} client(s) to tell in their next batch e-mail",
                    notice,
                    event.clientIds().size());
        }
    }
}
