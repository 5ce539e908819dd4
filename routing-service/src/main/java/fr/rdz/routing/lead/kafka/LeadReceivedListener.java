package fr.rdz.routing.lead.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.Topics;
import fr.rdz.routing.lead.application.RoutingLead;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code LeadReceived} to {@link RoutingLead}; failures follow the service's one error policy (retries, then DLT). */
@Component
class LeadReceivedListener {

    private static final Logger log = LoggerFactory.getLogger(LeadReceivedListener.class);

    private final RoutingLead routing;

    LeadReceivedListener(RoutingLead routing) {
        this.routing = routing;
    }

    @KafkaListener(id = "routing-LeadReceived", idIsGroup = false, topics = Topics.LEAD_RECEIVED)
    @SuppressWarnings("unchecked")
    void on(Envelope<?> envelope) {
        if (envelope == null || !(envelope.payload() instanceof LeadReceived)) {
            log.warn("Ignored a record of {} that is not a LeadReceived", Topics.LEAD_RECEIVED);
            return;
        }
        routing.on((Envelope<LeadReceived>) envelope).block(Duration.ofSeconds(30));
    }
}
