package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.notifier.NotifierIntegrationTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The console's *Livraisons* and *Échecs* routes on notifier (issue 12): the CSV of a batch exactly as
 * e-mailed, the failed e-mails with their reason, and their replay with a result per batch, sent once.
 */
class ConsoleMailRoutesIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theCsvOfABatchIsTheAttachmentByteForByteWithItsFileName() throws Exception {
        String batchId = newId("b-csv");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Énergie & Habitat", DeliveryChannel.EMAIL, "csv@example.fr"),
                Batches.threeLeads(Entity.ZR7));

        publish(planned(batch));
        await().atMost(WAIT).until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1);
        Part attachment = BatchEmailIT.attachment(ZR7_SMTP.messagesOf(batchId).get(0));
        byte[] mailed = attachment.getInputStream().readAllBytes();

        EntityExchangeResult<byte[]> answer = admin().get()
                .uri("/admin/batches/" + batchId + "/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .valueEquals("X-RDZ-Mail-State", "SENT")
                .expectBody(byte[].class)
                .returnResult();
        assertThat(answer.getResponseBody()).isEqualTo(mailed);
        assertThat(answer.getResponseHeaders().getContentDisposition().getType())
                .isEqualTo("attachment");
        assertThat(answer.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo(MimeUtility.decodeText(attachment.getFileName()))
                .isEqualTo("ZR7_PV_Energie-Habitat_2026-11-20.csv");

        web.get()
                .uri("/admin/batches/" + batchId + "/csv")
                .headers(h -> h.setBasicAuth("viewer", "test-viewer"))
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/admin/batches/" + batchId + "/csv")
                .headers(h -> h.setBasicAuth("mdl-viewer", "test-mdl-viewer"))
                .exchange()
                .expectStatus()
                .isNotFound();
        admin().get()
                .uri("/admin/batches/b-never-sent/csv")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFailedEmailIsListedWithItsReasonAndItsReplayIsAnsweredPerBatchAndSentOnce() throws Exception {
        String batchId = newId("b-replay");
        String clientId = newId("c-replay");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.MDL,
                Batches.client(clientId, "Rejoué", DeliveryChannel.EMAIL, "replay@example.fr"),
                Batches.threeLeads(Entity.MDL));

        MDL_SMTP.stop();
        try {
            publish(planned(batch));
            await().atMost(WAIT).until(() -> failedOf(clientId).size() == 1);
            Map<?, ?> failed = failedOf(clientId).get(0);
            assertThat(failed.get("batch_id")).isEqualTo(batchId);
            assertThat(failed.get("entity")).isEqualTo("MDL");
            assertThat(failed.get("client_name")).isEqualTo("Rejoué");
            assertThat(failed.get("run_date")).isEqualTo("2026-11-20");
            assertThat(failed.get("lead_count")).isEqualTo(3);
            assertThat(failed.get("attempts")).isEqualTo(5);
            assertThat(failed.get("status")).isEqualTo("open");
            assertThat((String) failed.get("reason")).contains("MailSendException");

            // still down: the replay fails and says why
            Map<?, ?> down = replay(Map.of("batch_id", batchId));
            assertThat(down.get("replayed")).isEqualTo(1);
            assertThat(down.get("sent")).isEqualTo(0);
            Map<?, ?> result = (Map<?, ?>) ((List<?>) down.get("results")).get(0);
            assertThat(result.get("result")).isEqualTo("failed");
            assertThat((String) result.get("reason")).contains("MailSendException");
            assertThat((String) result.get("message")).startsWith("Échec de l'envoi : ");
            assertThat(failedOf(clientId).get(0).get("status")).isEqualTo("replayed");
        } finally {
            MDL_SMTP.start();
        }

        Map<?, ?> byClient = replay(Map.of("client_id", clientId));
        assertThat((List<?>) byClient.get("results")).singleElement().satisfies(r -> {
            assertThat(((Map<?, ?>) r).get("batch_id")).isEqualTo(batchId);
            assertThat(((Map<?, ?>) r).get("result")).isEqualTo("sent");
            assertThat(((Map<?, ?>) r).get("message")).isEqualTo("E-mail envoyé au client.");
        });
        assertThat(MDL_SMTP.messagesOf(batchId)).hasSize(1);
        await().atMost(WAIT).until(() -> outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.SENT));
        Map<?, ?> sent = failedOf(clientId).get(0);
        assertThat(sent.get("status")).isEqualTo("sent");
        assertThat(sent.get("replay_count")).isEqualTo(2);
        assertThat(sent.get("replayed_by")).isEqualTo(ADMIN);
        assertThat(sent.get("last_replay_result")).isEqualTo("sent");

        // never twice: by id it is answered already sent, by client / all it is no longer selected
        Map<?, ?> again = replay(Map.of("batch_ids", List.of(batchId, "b-unknown")));
        assertThat((List<?>) again.get("results"))
                .extracting(r -> String.valueOf(((Map<?, ?>) r).get("result")))
                .containsExactly("already_sent", "not_found");
        assertThat((List<?>) replay(Map.of("client_id", clientId)).get("results"))
                .isEmpty();
        assertThat((List<?>) replay(Map.of("all", true)).get("results"))
                .extracting(r -> String.valueOf(((Map<?, ?>) r).get("batch_id")))
                .doesNotContain(batchId);
        assertThat(MDL_SMTP.messagesOf(batchId)).hasSize(1);
        assertThat(sentMail(batchId).getString("state")).isEqualTo("SENT");

        // the CSV of a replayed batch is the one its e-mail carried
        byte[] mailed = BatchEmailIT.attachment(MDL_SMTP.messagesOf(batchId).get(0))
                .getInputStream()
                .readAllBytes();
        admin().get()
                .uri("/admin/batches/" + batchId + "/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .isEqualTo(mailed);
    }

    @Test
    void badRequestsAreProblemsAndViewersCannotReplay() {
        admin().post()
                .uri("/admin/failed-mails/replay")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("batch_id");
        admin().post()
                .uri("/admin/failed-mails/replay")
                .bodyValue(Map.of("batch_id", "b-1", "all", true))
                .exchange()
                .expectStatus()
                .isBadRequest();
        admin().get()
                .uri("/admin/failed-mails?status=lost&entity=XYZ&from=hier&colour=red")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(4);
        web.post()
                .uri("/admin/failed-mails/replay")
                .headers(h -> h.setBasicAuth("viewer", "test-viewer"))
                .bodyValue(Map.of("all", true))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private List<Map<?, ?>> failedOf(String clientId) {
        List<?> list = admin().get()
                .uri("/admin/failed-mails?client_id=" + clientId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return list.stream().<Map<?, ?>>map(m -> (Map<?, ?>) m).toList();
    }

    private Map<?, ?> replay(Map<String, ?> body) {
        return admin().post()
                .uri("/admin/failed-mails/replay")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
