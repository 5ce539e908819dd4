package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.OutcomePublisher;
import fr.rdz.crmpush.push.application.PendingOutcome;
import fr.rdz.crmpush.push.application.PushMeters;
import fr.rdz.events.Envelope;
import fr.rdz.kit.kafka.KafkaSends;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** {@code DeliveryOutcome} (channel api, one lead) on {@code rdz.delivery.outcome.v1}, keyed by client id, with the event id fixed in the ledger. */
public class KafkaOutcomePublisher implements OutcomePublisher {

    static final String PRODUCER = "crm-push-service";

    private final KafkaTemplate<String, Envelope<?>> template;
    private final PushMeters meters;

    public KafkaOutcomePublisher(KafkaTemplate<String, Envelope<?>> template, PushMeters meters) {
        this.template = template;
        this.meters = meters;
    }

    @Override
    public Mono<Void> publish(PendingOutcome pending) {
        Envelope<?> envelope = Envelope.of(
                pending.eventId(),
                pending.outcome(),
                PRODUCER,
                pending.outcome().at());
        return KafkaSends.send(template, envelope.topic(), envelope.key(), envelope)
                .doOnSuccess(sent -> meters.outcome(pending.outcome()))
                .then();
    }
}
