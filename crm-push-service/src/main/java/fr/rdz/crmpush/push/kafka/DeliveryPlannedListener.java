package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.FanningOutBatch;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;

/** {@code rdz.delivery.planned.v1} → one push task per lead for API clients. Failures: bounded retries, then {@code rdz.delivery.planned.v1.crm-push-service.dlt}. */
public class DeliveryPlannedListener {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final FanningOutBatch fanningOut;

    public DeliveryPlannedListener(FanningOutBatch fanningOut) {
        this.fanningOut = fanningOut;
    }

    @KafkaListener(
            id = "crm-push-planned",
            groupId = "${spring.kafka.consumer.group-id}",
            topics = Topics.DELIVERY_PLANNED)
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof DeliveryPlanned planned) {
            fanningOut.fanOut(planned).block(SEND_TIMEOUT);
        }
    }
}
