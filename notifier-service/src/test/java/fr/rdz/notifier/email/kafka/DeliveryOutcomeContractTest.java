package fr.rdz.notifier.email.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outcome this service publishes has the shape of the checked-in contract sample, with channel {@code email}. */
class DeliveryOutcomeContractTest {

    @Test
    void aSentOutcomeHasTheContractFields() {
        JsonNode sample = EventCodec.mapper().valueToTree(EventSamples.all().get("DeliveryOutcome"));
        JsonNode ours = EventCodec.mapper()
                .valueToTree(Envelope.of(
                        UUID.randomUUID(),
                        new DeliveryOutcome(
                                "b-0001",
                                "run-ZR7-2026-11-20",
                                Entity.ZR7,
                                "c-0001",
                                OutcomeChannel.EMAIL,
                                List.of("8f1d2c3b-0000-4000-8000-000000000001"),
                                OutcomeStatus.SENT,
                                null,
                                1,
                                EventSamples.AT),
                        KafkaOutcomePublisher.PRODUCER,
                        EventSamples.AT));

        assertThat(fields(ours)).containsExactlyElementsOf(fields(sample));
        assertThat(fields(ours.get("payload"))).containsExactlyElementsOf(fields(sample.get("payload")));
        assertThat(ours.at("/payload/channel").asText()).isEqualTo("email");
        assertThat(ours.at("/payload/status").asText()).isEqualTo("sent");
        assertThat(ours.get("producer").asText()).isEqualTo("notifier-service");
    }

    @Test
    void aDeadLetteredOutcomeAddsTheReason() {
        JsonNode ours = EventCodec.mapper()
                .valueToTree(new DeliveryOutcome(
                        "b-0001",
                        "run",
                        Entity.MDL,
                        "c-0001",
                        OutcomeChannel.EMAIL,
                        List.of("l-1"),
                        OutcomeStatus.DEAD_LETTERED,
                        "MailSendException: Connection refused",
                        6,
                        EventSamples.AT));

        assertThat(ours.get("status").asText()).isEqualTo("dead_lettered");
        assertThat(ours.get("reason").asText()).isEqualTo("MailSendException: Connection refused");
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
