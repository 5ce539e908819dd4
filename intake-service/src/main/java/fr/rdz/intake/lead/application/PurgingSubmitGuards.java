package fr.rdz.intake.lead.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of double-submit guards: an explicit job, since TTL indexes do not expire anything on the local wire
 * server. A purge that fails (MongoDB out of reach) leaves the guards to the next one, with a one-line warning.
 */
@Component
class PurgingSubmitGuards {

    private static final Logger log = LoggerFactory.getLogger(PurgingSubmitGuards.class);

    private final ReceivingLead receiving;

    PurgingSubmitGuards(ReceivingLead receiving) {
        this.receiving = receiving;
    }

    @Scheduled(fixedDelayString = "${rdz.intake.guard-purge-interval:10m}", initialDelayString = "1m")
    void purge() {
        try {
            receiving.purgeGuards().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Double-submit guards not purged, left to the next purge: {}", e.toString());
        }
    }
}
