package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.notifier.NotifierIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The batch e-mail carries, beside the seed's CSV (unchanged), a second CSV with one proof-of-consent row per lead. */
class ConsentProofAttachmentIT extends NotifierIntegrationTest {

    @Test
    void theSecondAttachmentHoldsOneProofRowPerLeadWithASignedLink() throws Exception {
        String batchId = newId("b-proof");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Solaire Pro", DeliveryChannel.EMAIL, "leads@solaire-pro.example.fr"),
                Batches.threeLeads(Entity.ZR7));

        publish(planned(batch));

        await().atMost(BatchEmailIT.WAIT)
                .until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1);
        MimeMessage mail = ZR7_SMTP.messagesOf(batchId).get(0);
        List<Part> attachments = attachments(mail);
        assertThat(attachments).hasSize(2);
        assertThat(MimeUtility.decodeText(attachments.get(0).getFileName()))
                .isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20.csv");
        assertThat(BatchEmailIT.rows(attachments.get(0).getInputStream().readAllBytes())
                        .get(0))
                .containsExactly(
                        "nom", "prenom", "telephone", "email", "code_postal", "departement", "proprietaire_maison");

        Part proofs = attachments.get(1);
        assertThat(MimeUtility.decodeText(proofs.getFileName()))
                .isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20_preuves-consentement.csv");
        assertThat(proofs.getContentType()).startsWith("text/csv");
        byte[] csv = proofs.getInputStream().readAllBytes();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String[]> rows = BatchEmailIT.rows(csv);
        assertThat(rows.get(0))
                .containsExactly(
                        "lead_id",
                        "telephone",
                        "consent_at",
                        "consent_text_version",
                        "consent_text_hash",
                        "rgpd_consent",
                        "ip",
                        "user_agent",
                        "page_url",
                        "form_code",
                        "lp_code",
                        "consent_proof_url");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(r -> r[0]).containsExactly("lead-1", "lead-2", "lead-3");
        assertThat(rows.subList(1, 4)).extracting(r -> r[1]).containsExactly("0612345678", "0798765432", "0655443322");
        String[] first = rows.get(1);
        assertThat(first[2]).isEqualTo("2026-11-19T14:02:11Z");
        assertThat(first[3]).isEqualTo("CT-0001");
        assertThat(first[5]).isEqualTo("oui");
        assertThat(first[6]).isEqualTo("203.0.113.42");
        assertThat(first[8]).isEqualTo("https://solaire.example.fr/formulaire");
        URI url = URI.create(first[11]);
        assertThat(url.getHost()).isEqualTo("preuves.rdz.example");
        assertThat(url.getPath()).isEqualTo("/public/consent-proofs/lead-1");
        Map<String, String> query = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            query.put(pair.split("=", 2)[0], pair.split("=", 2)[1]);
        }
        ConsentProofLink routing = new ConsentProofLink("test-proof-link-secret-0123456789abcdef");
        assertThat(routing.check("lead-1", query.get("expires"), query.get("signature"), Instant.now()))
                .isEqualTo(ConsentProofLink.Check.VALID);
        assertThat(routing.check("lead-2", query.get("expires"), query.get("signature"), Instant.now()))
                .isEqualTo(ConsentProofLink.Check.INVALID);
    }

    @Test
    void theClientsNextBatchEmailTellsThemOfAWithdrawalOfConsentOnce() throws Exception {
        String clientId = newId("c-withdrawn");
        Envelope<ConsentWithdrawn> withdrawn = Envelope.of(
                new ConsentWithdrawn(
                        "lead-w1", "0611223344", Entity.ZR7, Instant.parse("2026-11-19T10:00:00Z"), List.of(clientId)),
                "routing-service",
                Instant.parse("2026-11-19T10:00:01Z"));
        kafka.send(Topics.CONSENT_WITHDRAWN, withdrawn.key(), withdrawn).get(10, TimeUnit.SECONDS);
        // the notice is kept for the client until its next e-mail
        await().atMost(BatchEmailIT.WAIT)
                .until(() -> mongo.getCollection("withdrawal_notices")
                                .flatMap(c -> Mono.from(
                                        c.find(new Document("_id", clientId)).first()))
                                .block(Duration.ofSeconds(10))
                        != null);
        String first = newId("b-told");
        String second = newId("b-after");
        String line = "0611223344 (lead lead-w1) : consentement retiré le 19/11/2026, ne plus l'appeler.";

        publish(planned(batchFor(first, clientId)));
        await().atMost(BatchEmailIT.WAIT).until(() -> ZR7_SMTP.messagesOf(first).size() == 1);
        String told = text(ZR7_SMTP.messagesOf(first).get(0));
        assertThat(told)
                .contains("Retraits de consentement : ne plus démarcher ces contacts")
                .contains(line);

        publish(planned(batchFor(second, clientId)));
        await().atMost(BatchEmailIT.WAIT)
                .until(() -> ZR7_SMTP.messagesOf(second).size() == 1);
        assertThat(text(ZR7_SMTP.messagesOf(second).get(0))).doesNotContain("lead-w1");
    }

    private static DeliveryPlanned batchFor(String batchId, String clientId) {
        return Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(clientId, "Solaire Pro", DeliveryChannel.EMAIL, "leads@solaire-pro.example.fr"),
                Batches.threeLeads(Entity.ZR7));
    }

    /** Every text part of the message (plain and HTML alternatives), decoded. */
    private static String text(MimeMessage mail) throws Exception {
        StringBuilder out = new StringBuilder();
        collect(mail, out);
        return out.toString();
    }

    private static void collect(Part part, StringBuilder out) throws Exception {
        if (part.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            out.append(part.getContent()).append('\n');
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), out);
            }
        }
    }

    private static List<Part> attachments(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                parts.add(part);
            }
        }
        return parts;
    }
}
