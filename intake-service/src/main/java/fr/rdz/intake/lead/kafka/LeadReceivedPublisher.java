package fr.rdz.intake.lead.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import fr.rdz.intake.lead.application.LeadReceivedEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends {@code LeadReceived} to {@code rdz.lead.received.v1}, keyed by phone (idempotent producer, {@code acks=all}). */
@Component
public class LeadReceivedPublisher implements LeadReceivedEvents {

    private final KafkaTemplate<String, Envelope<?>> kafka;

    public LeadReceivedPublisher(KafkaTemplate<String, Envelope<?>> kafka) {
        this.kafka = kafka;
    }

    /** Completes when the broker has acknowledged the event; may throw at once if the producer cannot even queue it. */
    @Override
    public CompletableFuture<?> publish(Envelope<LeadReceived> envelope) {
        return kafka.send(envelope.topic(), envelope.key(), envelope);
    }
}
