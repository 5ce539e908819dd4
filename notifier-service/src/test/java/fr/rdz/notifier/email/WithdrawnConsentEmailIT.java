package fr.rdz.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Pii;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Topics;
import fr.rdz.notifier.NotifierIntegrationTest;
import fr.rdz.notifier.email.application.SendingBatchEmail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A batch planned before the person withdrew their consent: once {@code ConsentWithdrawn} has reached
 * the notifier, that person's lead is left out of the batch e-mail (not in its CSV, a {@code failed}
 * outcome saying why) and the other leads are e-mailed as usual. Through the broker to GreenMail.
 */
class WithdrawnConsentEmailIT extends NotifierIntegrationTest {

    /** A phone no other notifier test uses (the withdrawal stays for good). */
    private static final String WITHDRAWN_PHONE = "0677712311";

    @Test
    void aLeadWhosePersonWithdrewIsLeftOutOfThePlannedBatchEmail() throws Exception {
        Envelope<ConsentWithdrawn> withdrawn = Envelope.of(
                new ConsentWithdrawn("lead-earlier", WITHDRAWN_PHONE, Entity.ZR7, Instant.now(), List.of("c-other")),
                "routing-service",
                Instant.now());
        kafka.send(Topics.CONSENT_WITHDRAWN, withdrawn.key(), withdrawn).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.getCollection("consent_withdrawals")
                                .flatMap(c -> Mono.from(c.find(new Document("_id", Pii.phoneHash(WITHDRAWN_PHONE)))
                                        .first()))
                                .block(Duration.ofSeconds(10))
                        != null);

        String batchId = newId("b-withdrawn");
        List<PlannedLead> leads = new ArrayList<>(Batches.threeLeads(Entity.ZR7));
        PlannedLead second = leads.get(1);
        leads.set(1, new PlannedLead(withPhone(second.lead(), WITHDRAWN_PHONE), second.kind(), second.crossEntity()));
        publish(planned(Batches.batch(
                batchId,
                Entity.ZR7,
                Batches.client(newId("c"), "Solaire Pro", DeliveryChannel.EMAIL, "leads@solaire-pro.example.fr"),
                leads)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> ZR7_SMTP.messagesOf(batchId).size() == 1
                        && outcomesOf(batchId).stream().anyMatch(o -> o.status() == OutcomeStatus.SENT));
        MimeMessage mail = ZR7_SMTP.messagesOf(batchId).get(0);
        String csv = new String(BatchEmailIT.attachment(mail).getInputStream().readAllBytes(), "UTF-8");
        assertThat(BatchEmailIT.rows(csv.getBytes("UTF-8"))).hasSize(3); // header + the two other leads
        assertThat(csv).doesNotContain(WITHDRAWN_PHONE).contains("0655443322");

        List<DeliveryOutcome> outcomes = outcomesOf(batchId);
        assertThat(outcomes.stream().filter(o -> o.status() == OutcomeStatus.SENT))
                .singleElement()
                .satisfies(o -> assertThat(o.leadIds()).containsExactly("lead-1", "lead-3"));
        assertThat(outcomes.stream().filter(o -> o.status() == OutcomeStatus.FAILED))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.leadIds()).containsExactly("lead-2");
                    assertThat(o.reason()).isEqualTo(SendingBatchEmail.WITHDRAWN);
                });
    }

    private static LeadData withPhone(LeadData lead, String phone) {
        LeadContact c = lead.contact();
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                new LeadContact(
                        phone,
                        c.civilite(),
                        c.nom(),
                        c.prenom(),
                        c.email(),
                        c.codePostal(),
                        c.departement(),
                        c.ville(),
                        c.adresse()),
                lead.project(),
                lead.source(),
                lead.consent());
    }
}
