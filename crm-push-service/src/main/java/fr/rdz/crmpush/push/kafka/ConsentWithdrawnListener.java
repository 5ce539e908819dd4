package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.ConsentWithdrawals;
import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Envelope;
import fr.rdz.events.Pii;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code rdz.consent.withdrawn.v1} → {@link ConsentWithdrawals}: the person's leads still waiting in a
 * planned batch are not pushed. Idempotent (a redelivered event inserts nothing); a failure is thrown
 * back to the container.
 */
public class ConsentWithdrawnListener {

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawnListener.class);

    private final ConsentWithdrawals withdrawals;

    public ConsentWithdrawnListener(ConsentWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @KafkaListener(
            id = "crm-push-consent-withdrawn",
            groupId = "${spring.kafka.consumer.group-id}",
            topics = Topics.CONSENT_WITHDRAWN)
    public void on(Envelope<?> envelope) {
        if (envelope != null
                && envelope.payload() instanceof ConsentWithdrawn event
                && event.phone() != null
                && !event.phone().isBlank()) {
            withdrawals.remember(event.phone(), event.withdrawnAt()).block(Duration.ofSeconds(30));
            log.info("Consent of {} withdrawn: their leads are no longer pushed", Pii.maskPhone(event.phone()));
        }
    }
}
