package fr.rdz.intake.lead.application;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retention of double-submit guards: an explicit job, since TTL indexes do not expire anything on the local wire server. */
@Component
class PurgingSubmitGuards {

    private final ReceivingLead receiving;

    PurgingSubmitGuards(ReceivingLead receiving) {
        this.receiving = receiving;
    }

    @Scheduled(fixedDelayString = "${rdz.intake.guard-purge-interval:10m}", initialDelayString = "1m")
    void purge() {
        receiving.purgeGuards().block(Duration.ofMinutes(1));
    }
}
