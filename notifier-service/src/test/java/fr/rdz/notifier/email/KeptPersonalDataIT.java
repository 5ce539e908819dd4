package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.PersonErased;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Topics;
import fr.rdz.notifier.NotifierIntegrationTest;
import fr.rdz.notifier.email.application.ErasingPersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * What notifier keeps for the console with the leads' personal data — the CSVs as e-mailed and the batches of failed
 * e-mails — goes with an erasure of the person and with the retention limit (issue 12).
 */
class KeptPersonalDataIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private ErasingPersonalData erasing;

    @Test
    void erasingAPersonErasesItsKeptCsvsAndTheBatchOfItsFailedEmail() throws Exception {
        String phone = uniquePhone();
        String sentBatch = newId("b-erase-sent");
        String failedBatch = newId("b-erase-failed");
        publish(planned(Batches.batch(
                sentBatch,
                Entity.ZR7,
                Batches.client(newId("c"), "Effacé", DeliveryChannel.EMAIL, "erase@example.fr"),
                List.of(lead("lead-e1", phone, Instant.parse("2026-11-19T10:00:00Z"))))));
        await().atMost(WAIT).until(() -> ZR7_SMTP.messagesOf(sentBatch).size() == 1);
        assertThat(csvStatus(sentBatch)).isEqualTo(HttpStatus.OK);

        MDL_SMTP.stop();
        try {
            publish(planned(Batches.batch(
                    failedBatch,
                    Entity.MDL,
                    Batches.client(newId("c"), "Effacé MDL", DeliveryChannel.EMAIL, "erase-mdl@example.fr"),
                    List.of(lead("lead-e2", phone, Instant.parse("2026-11-19T11:00:00Z"))))));
            await().atMost(WAIT).until(() -> outcomesOf(failedBatch).stream()
                    .anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
            await().atMost(WAIT)
                    .until(() -> "open".equals(failedMail(failedBatch).get("status")));

            Envelope<?> erased = Envelope.of(new PersonErased(phone, Instant.now()), "routing-service", Instant.now());
            kafka.send(Topics.PERSON_ERASED, erased.key(), erased).get(10, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> csvStatus(sentBatch) == HttpStatus.GONE);
            await().atMost(WAIT)
                    .until(() -> "erased".equals(failedMail(failedBatch).get("status")));
        } finally {
            MDL_SMTP.start();
        }
        Map<?, ?> replay = admin().post()
                .uri("/admin/failed-mails/replay")
                .bodyValue(Map.of("batch_id", failedBatch))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) replay.get("results"))
                .singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("result")).isEqualTo("erased"));
        assertThat(MDL_SMTP.messagesOf(failedBatch)).isEmpty();
        assertThat(document("failed_mails", failedBatch)).doesNotContainKeys("batch", "phone_hashes");
        assertThat(document("sent_csvs", sentBatch)).doesNotContainKeys("content", "phone_hashes");
    }

    @Test
    void theRetentionLimitErasesTheCsvsOfLeadsReceivedBeforeIt() throws Exception {
        String batchId = newId("b-retention");
        publish(planned(Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Ancien", DeliveryChannel.EMAIL, "old@example.fr"),
                List.of(lead("lead-old", uniquePhone(), Instant.parse("2019-03-01T10:00:00Z"))))));
        await().atMost(WAIT).until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1);
        assertThat(csvStatus(batchId)).isEqualTo(HttpStatus.OK);

        assertThat(erasing.csvsReceivedBefore(Instant.parse("2019-01-01T00:00:00Z"), 10)
                        .block())
                .isZero();
        assertThat(csvStatus(batchId)).isEqualTo(HttpStatus.OK);
        assertThat(erasing.csvsReceivedBefore(Instant.parse("2019-06-01T00:00:00Z"), 10)
                        .block())
                .isEqualTo(1);
        assertThat(csvStatus(batchId)).isEqualTo(HttpStatus.GONE);
        assertThat(erasing.csvsReceivedBefore(Instant.parse("2019-06-01T00:00:00Z"), 10)
                        .block())
                .isZero();
    }

    private static PlannedLead lead(String id, String phone, Instant receivedAt) {
        LeadData sample = EventSamples.aLead();
        LeadContact c = sample.contact();
        LeadContact contact = new LeadContact(
                phone,
                c.civilite(),
                c.nom(),
                c.prenom(),
                c.email(),
                c.codePostal(),
                c.departement(),
                c.ville(),
                c.adresse());
        return new PlannedLead(
                new LeadData(
                        id,
                        receivedAt,
                        sample.entity(),
                        sample.product(),
                        contact,
                        sample.project(),
                        sample.source(),
                        sample.consent()),
                LeadKind.FRESH,
                false);
    }

    private static String uniquePhone() {
        return "06" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private HttpStatus csvStatus(String batchId) {
        return HttpStatus.valueOf(admin().get()
                .uri("/admin/batches/" + batchId + "/csv")
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value());
    }

    private Map<?, ?> failedMail(String batchId) {
        List<?> list = admin().get()
                .uri("/admin/failed-mails")
                .exchange()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return list.stream()
                .map(m -> (Map<?, ?>) m)
                .filter(m -> batchId.equals(m.get("batch_id")))
                .findFirst()
                .orElse(Map.of());
    }

    private org.bson.Document document(String collection, String id) {
        return mongo.getCollection(collection)
                .flatMap(c -> reactor.core.publisher.Mono.from(
                        c.find(new org.bson.Document("_id", id)).first()))
                .block(Duration.ofSeconds(10));
    }
}
