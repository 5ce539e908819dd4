package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.notifier.NotifierIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code DeliveryPlanned} through the real broker to the entity's SMTP account (GreenMail), exactly once. */
class BatchEmailIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sendsOneEmailFromTheEntityAccountToEveryClientAddressWithTheCsv() throws Exception {
        String batchId = newId("b-zr7");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(
                        newId("c"),
                        "Solaire Pro",
                        DeliveryChannel.BOTH,
                        "leads@solaire-pro.example.fr",
                        "direction@solaire-pro.example.fr"),
                Batches.threeLeads(Entity.ZR7));

        publish(planned(batch));

        await().atMost(WAIT).until(() -> ZR7_SMTP.messagesOf(batchId).size() == 2);
        List<MimeMessage> received = ZR7_SMTP.messagesOf(batchId);
        MimeMessage mail = received.get(0);
        assertThat(received).extracting(MimeMessage::getMessageID).containsOnly(mail.getMessageID());
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("livraison@zr7.local");
        assertThat(mail.getAllRecipients())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactlyInAnyOrder("leads@solaire-pro.example.fr", "direction@solaire-pro.example.fr");
        assertThat(mail.getSubject()).isEqualTo("[ZR7] 3 leads PV – livraison du 20/11/2026");
        assertThat(MDL_SMTP.messagesOf(batchId)).isEmpty();

        Part attachment = attachment(mail);
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20.csv");
        assertThat(attachment.getContentType()).startsWith("text/csv");
        byte[] csv = attachment.getInputStream().readAllBytes();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(rows(csv))
                .containsExactly(
                        new String[] {
                            "nom", "prenom", "telephone", "email", "code_postal", "departement", "proprietaire_maison"
                        },
                        new String[] {"Martin", "Éloïse", "0612345678", "eloise.martin@example.fr", "75011", "75", "oui"
                        },
                        new String[] {
                            "'=HYPERLINK(\"http://evil.example\")", "Chloé", "0798765432", "", "13001", "13", "oui"
                        },
                        new String[] {
                            "Le Gall; Ménard", "'-Anaïs", "0655443322", "anais.legall@example.fr", "20200", "2B", "oui"
                        });

        await().atMost(WAIT).until(() -> !outcomesOf(batchId).isEmpty());
        DeliveryOutcome outcome = outcomesOf(batchId).get(0);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.SENT);
        assertThat(outcome.channel()).isEqualTo(OutcomeChannel.EMAIL);
        assertThat(outcome.clientId()).isEqualTo(batch.client().id());
        assertThat(outcome.leadIds()).containsExactly("lead-1", "lead-2", "lead-3");
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(sentMail(batchId).getString("state")).isEqualTo("SENT");
    }

    @Test
    void sendsAnMdlBatchWithTheMdlAccountInTheMdlFormat() throws Exception {
        String batchId = newId("b-mdl");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.MDL,
                Batches.client(
                        newId("c"), "Énergie Habitat", DeliveryChannel.EMAIL, "achat@energie-habitat.example.fr"),
                Batches.threeLeads(Entity.MDL).subList(0, 1));

        publish(planned(batch));

        await().atMost(WAIT).until(() -> MDL_SMTP.messagesOf(batchId).size() == 1);
        MimeMessage mail = MDL_SMTP.messagesOf(batchId).get(0);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("livraison@mdl.local");
        assertThat(mail.getSubject()).isEqualTo("[MDL] 1 lead PV – livraison du 20/11/2026");
        assertThat(ZR7_SMTP.messagesOf(batchId)).isEmpty();
        Part attachment = attachment(mail);
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("MDL_PV_Energie-Habitat_2026-11-20.csv");
        assertThat(rows(attachment.getInputStream().readAllBytes()))
                .containsExactly(
                        new String[] {
                            "nom",
                            "prenom",
                            "telephone",
                            "email",
                            "code_postal",
                            "departement",
                            "proprietaire",
                            "type_logement"
                        },
                        new String[] {
                            "Martin", "Éloïse", "0612345678", "eloise.martin@example.fr", "75011", "75", "oui", "maison"
                        });
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneEmail() throws Exception {
        String clientId = newId("c");
        String batchId = newId("b-thrice");
        DeliveryPlanned batch = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(clientId, "Thrice", DeliveryChannel.EMAIL, "thrice@example.fr"),
                Batches.threeLeads(Entity.ZR7));
        Envelope<DeliveryPlanned> event = planned(batch);

        publish(event);
        publish(event);
        publish(planned(batch)); // a replay: same batch, new event id

        // a later batch of the same client (same key, same partition): once it is sent, the three were handled
        String markerId = newId("b-marker");
        publish(planned(Batches.batch(
                markerId,
                Entity.ZR7,
                Batches.client(clientId, "Thrice", DeliveryChannel.EMAIL, "thrice@example.fr"),
                Batches.threeLeads(Entity.ZR7))));
        await().atMost(WAIT).until(() -> outcomesOf(markerId).size() == 1);

        assertThat(ZR7_SMTP.messagesOf(batchId)).hasSize(1);
        assertThat(outcomesOf(batchId))
                .singleElement()
                .extracting(DeliveryOutcome::status)
                .isEqualTo(OutcomeStatus.SENT);
        assertThat(sentMail(batchId).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void leavesBatchesOfApiOnlyClientsToTheCrmPush() throws Exception {
        String clientId = newId("c");
        String apiBatch = newId("b-api");
        publish(planned(Batches.batch(
                apiBatch,
                Entity.ZR7,
                Batches.client(clientId, "Api Only", DeliveryChannel.API, "api@example.fr"),
                Batches.threeLeads(Entity.ZR7))));
        String markerId = newId("b-marker");
        publish(planned(Batches.batch(
                markerId,
                Entity.ZR7,
                Batches.client(clientId, "Api Only", DeliveryChannel.EMAIL, "api@example.fr"),
                Batches.threeLeads(Entity.ZR7))));
        await().atMost(WAIT).until(() -> outcomesOf(markerId).size() == 1);

        assertThat(ZR7_SMTP.messagesOf(apiBatch)).isEmpty();
        assertThat(outcomesOf(apiBatch)).isEmpty();
        assertThat(sentMail(apiBatch)).isNull();
    }

    static Part attachment(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    /** The CSV as a French spreadsheet reads it: BOM skipped, {@code ;}, UTF-8. */
    static List<String[]> rows(byte[] csv) throws Exception {
        InputStream in = new ByteArrayInputStream(csv, 3, csv.length - 3);
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(in, StandardCharsets.UTF_8))
                .withCSVParser(new CSVParserBuilder().withSeparator(';').build())
                .build()) {
            return reader.readAll();
        }
    }
}
