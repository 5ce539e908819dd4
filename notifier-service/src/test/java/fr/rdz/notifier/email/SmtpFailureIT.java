package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.notifier.NotifierIntegrationTest;
import fr.rdz.notifier.email.kafka.DeliveryPlannedListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** SMTP down: retried through the retry topics, sent once when it is back; never back: dead letter with the reason. */
class SmtpFailureIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void smtpDownForTheFirstAttemptsSendsTheEmailOnceItIsBack() throws Exception {
        String batchId = newId("b-down");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Patient", DeliveryChannel.EMAIL, "patient@example.fr"),
                Batches.threeLeads(Entity.ZR7));

        ZR7_SMTP.stop();
        try {
            publish(planned(batch));
            await().atMost(WAIT).until(() -> {
                Document record = sentMail(batchId);
                return record != null && record.getInteger("attempts") >= 2 && "FAILED".equals(record.get("state"));
            });
        } finally {
            ZR7_SMTP.start();
        }

        await().atMost(WAIT).until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1);
        await().atMost(WAIT).until(() -> outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.SENT));
        DeliveryOutcome sent = outcomesOf(batchId).stream()
                .filter(o -> o.status() == OutcomeStatus.SENT)
                .findFirst()
                .orElseThrow();
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
        assertThat(outcomesOf(batchId))
                .filteredOn(o -> o.status() == OutcomeStatus.RETRYING)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.reason()).isNotBlank());
        assertThat(sentMail(batchId).getString("state")).isEqualTo("SENT");
        assertThat(deadLettersOf(batchId)).isEmpty();
        assertThat(ZR7_SMTP.messagesOf(batchId)).hasSize(1);
    }

    @Test
    void smtpNeverBackEndsInTheDeadLetterTopicWithTheReasonAndNothingIsLost() throws Exception {
        String batchId = newId("b-dead");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.MDL,
                Batches.client(newId("c"), "Unlucky", DeliveryChannel.BOTH, "unlucky@example.fr"),
                Batches.threeLeads(Entity.MDL));
        Envelope<DeliveryPlanned> event = planned(batch);

        MDL_SMTP.stop();
        try {
            publish(event);
            await().atMost(WAIT)
                    .until(() -> outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
        } finally {
            MDL_SMTP.start();
        }

        DeliveryOutcome dead = outcomesOf(batchId).stream()
                .filter(o -> o.status() == OutcomeStatus.DEAD_LETTERED)
                .findFirst()
                .orElseThrow();
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.reason()).contains("MailSendException").containsIgnoringCase("connect");
        assertThat(dead.leadIds()).containsExactly("lead-1", "lead-2", "lead-3");
        assertThat(outcomesOf(batchId))
                .as("every attempt but the last is reported as retrying")
                .filteredOn(o -> o.status() == OutcomeStatus.RETRYING)
                .hasSize(4);

        ConsumerRecord<String, byte[]> deadLetter = deadLettersOf(batchId).get(0);
        assertThat(deadLetter.key()).isEqualTo(batch.client().id());
        assertThat(new String(
                        deadLetter
                                .headers()
                                .lastHeader(DeliveryPlannedListener.REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("MailSendException");
        Document record = sentMail(batchId);
        assertThat(record.getString("state")).isEqualTo("FAILED");
        assertThat(record.getBoolean("dead_lettered")).isTrue();
        assertThat(record.getString("last_error")).contains("MailSendException");
        assertThat(MDL_SMTP.messagesOf(batchId)).isEmpty();

        // an operator replays the dead letter once the server is back: sent, once
        publish(event);
        await().atMost(WAIT).until(() -> MDL_SMTP.messagesOf(batchId).size() == 1);
        await().atMost(WAIT).until(() -> outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.SENT));
    }
}
