package fr.rdz.routing.lead.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.RunCompleted;
import fr.rdz.events.Topics;
import fr.rdz.routing.lead.application.RecordingDeliveries;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code RunCompleted} to {@link RecordingDeliveries}; failures follow the service's one error policy (retries, then DLT). */
@Component
class RunCompletedListener {

    private static final Logger log = LoggerFactory.getLogger(RunCompletedListener.class);

    private final RecordingDeliveries deliveries;

    RunCompletedListener(RecordingDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @KafkaListener(id = "routing-RunCompleted", idIsGroup = false, topics = Topics.RUN_COMPLETED)
    @SuppressWarnings("unchecked")
    void on(Envelope<?> envelope) {
        if (envelope == null || !(envelope.payload() instanceof RunCompleted)) {
            log.warn("Ignored a record of {} that is not a RunCompleted", Topics.RUN_COMPLETED);
            return;
        }
        deliveries.runCompleted((Envelope<RunCompleted>) envelope).block(Duration.ofSeconds(30));
    }
}
