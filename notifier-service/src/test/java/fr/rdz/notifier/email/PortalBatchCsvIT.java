package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.notifier.NotifierIntegrationTest;
import jakarta.mail.Part;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The buyers' portal route of notifier (issue 16): a buyer (role client, client id cl-portal-a)
 * downloads its own batch's CSV byte for byte as e-mailed; another buyer gets a 404 with nothing
 * of the batch; the admin route refuses a buyer; an operator cannot use the portal route.
 */
class PortalBatchCsvIT extends NotifierIntegrationTest {

    @Test
    void aBuyerDownloadsItsOwnBatchCsvOnly() throws Exception {
        String batchId = newId("b-portal");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client("cl-portal-a", "Acme Rénovation", DeliveryChannel.EMAIL, "acme@example.fr"),
                Batches.threeLeads(Entity.ZR7));
        publish(planned(batch));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1);
        Part attachment = BatchEmailIT.attachment(ZR7_SMTP.messagesOf(batchId).get(0));
        byte[] mailed = attachment.getInputStream().readAllBytes();

        byte[] downloaded = web.get()
                .uri("/portal/batches/" + batchId + "/csv")
                .headers(h -> h.setBasicAuth("acme", "test-acme"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(downloaded).isEqualTo(mailed);

        web.get()
                .uri("/portal/batches/" + batchId + "/csv")
                .headers(h -> h.setBasicAuth("bravo", "test-bravo"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("Acme").doesNotContain("@example.fr"));
        web.get()
                .uri("/admin/batches/" + batchId + "/csv")
                .headers(h -> h.setBasicAuth("acme", "test-acme"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/admin/failed-mails")
                .headers(h -> h.setBasicAuth("acme", "test-acme"))
                .exchange()
                .expectStatus()
                .isForbidden();
        admin().get()
                .uri("/portal/batches/" + batchId + "/csv")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
