package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import fr.rdz.notifier.NotifierIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Spec §12, issue 13 defect 1: a batch too big for one Kafka record comes in parts; the notifier keeps
 * each part once (batch id + part) and sends ONE e-mail whose CSV holds every lead of every part.
 */
class BigBatchEmailIT extends NotifierIntegrationTest {

    private static final int LEADS = 5_000;
    private static final int PARTS = 12;

    @Test
    void assemblesTheTwelvePartsOfAFiveThousandLeadBatchIntoOneEmailOfFiveThousandRows() throws Exception {
        String batchId = newId("b-big");
        String clientId = newId("c-big");
        List<PlannedLead> leads = new ArrayList<>();
        LeadData sample = EventSamples.aLead();
        for (int i = 0; i < LEADS; i++) {
            LeadContact c = sample.contact();
            leads.add(new PlannedLead(
                    new LeadData(
                            "big-" + i,
                            sample.receivedAt(),
                            Entity.ZR7,
                            Product.PV,
                            new LeadContact(
                                    String.format("077%07d", i),
                                    c.civilite(),
                                    "Nom" + i,
                                    c.prenom(),
                                    c.email(),
                                    c.codePostal(),
                                    c.departement(),
                                    c.ville(),
                                    c.adresse()),
                            sample.project(),
                            sample.source(),
                            sample.consent()),
                    LeadKind.FRESH,
                    false));
        }
        DeliveryPlanned whole = Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(clientId, "Gros Volume", DeliveryChannel.EMAIL, "leads@gros-volume.example.fr"),
                leads);
        int size = (LEADS + PARTS - 1) / PARTS;
        List<DeliveryPlanned> parts = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            parts.add(whole.asPart(p + 1, PARTS, leads.subList(p * size, Math.min(LEADS, (p + 1) * size)), LEADS));
        }
        for (DeliveryPlanned part : parts) {
            assertThat(EventCodec.encode(planned(part)).length).isLessThan(1024 * 1024);
            publish(planned(part));
            if (part.partNumber() == 3) {
                publish(planned(part)); // a redelivered part changes nothing
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> !outcomesOf(batchId).isEmpty());
        List<MimeMessage> mails = ZR7_SMTP.messagesOf(batchId);
        assertThat(mails).hasSize(1);
        List<String[]> rows = BatchEmailIT.rows(
                BatchEmailIT.attachment(mails.get(0)).getInputStream().readAllBytes());
        assertThat(rows).hasSize(LEADS + 1);
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r[0])
                .containsExactlyElementsOf(
                        leads.stream().map(l -> l.lead().contact().nom()).toList());
        assertThat(mails.get(0).getSubject()).matches("\\[ZR7\\] 5\\D?000 leads PV .*");

        DeliveryOutcome outcome = outcomesOf(batchId).get(0);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.SENT);
        assertThat(outcome.leadIds()).hasSize(LEADS);
        assertThat(sentMail(batchId).getList("lead_ids", String.class)).hasSize(LEADS);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedParts(batchId) == 0);

        publish(planned(parts.get(PARTS - 1))); // redelivered after the e-mail: still one e-mail
        String marker = newId("b-marker");
        publish(planned(Batches.batch(
                marker,
                Entity.ZR7,
                Batches.client(clientId, "Gros Volume", DeliveryChannel.EMAIL, "leads@gros-volume.example.fr"),
                Batches.threeLeads(Entity.ZR7))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !outcomesOf(marker).isEmpty());
        assertThat(ZR7_SMTP.messagesOf(batchId)).hasSize(1);
        assertThat(outcomesOf(batchId)).hasSize(1);
        assertThat(storedParts(batchId)).isZero();
    }

    private long storedParts(String batchId) {
        return mongo.getCollection("batch_parts")
                .flatMap(c -> Mono.from(c.countDocuments(new Document("batch_id", batchId))))
                .block(Duration.ofSeconds(10));
    }
}
