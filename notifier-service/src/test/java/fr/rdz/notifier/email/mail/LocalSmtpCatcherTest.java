package fr.rdz.notifier.email.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.application.SendingBatchEmail;
import fr.rdz.notifier.email.config.NotifierProperties;
import fr.rdz.notifier.email.config.NotifierProperties.EntityAccount;
import fr.rdz.notifier.email.config.NotifierProperties.Smtp;
import fr.rdz.stack.SmtpCatcher;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local set-up: both entity accounts on the stack's SMTP catcher (any login), and what an
 * operator or an acceptance test finds there, an {@code .eml} file per message with the CSV.
 */
class LocalSmtpCatcherTest {

    @Test
    void aBatchSentWithTheLocalAccountsLandsAsAnEmlFileWithTheCsv(@TempDir Path mailDir) throws Exception {
        try (SmtpCatcher catcher = SmtpCatcher.start(0, mailDir)) {
            Smtp zr7 = new Smtp(
                    "127.0.0.1",
                    catcher.port(),
                    "zr7",
                    "local",
                    "ZR7 Livraison <livraison@zr7.local>",
                    false,
                    false,
                    null);
            Smtp mdl = new Smtp(
                    "127.0.0.1",
                    catcher.port(),
                    "mdl",
                    "local",
                    "MDL Livraison <livraison@mdl.local>",
                    false,
                    false,
                    null);
            NotifierProperties properties = new NotifierProperties(
                    Map.of(Entity.ZR7, new EntityAccount(zr7), Entity.MDL, new EntityAccount(mdl)),
                    null,
                    Duration.ofMinutes(1));
            SendingBatchEmail composer = new SendingBatchEmail(
                    null,
                    new FreemarkerMailRenderer(properties),
                    null,
                    null,
                    Clock.systemUTC(),
                    Duration.ofMinutes(1),
                    new fr.rdz.events.LinkingConsentProof(
                            new fr.rdz.events.ConsentProofLink("test-proof-link-secret-0123456789abcdef"),
                            "https://preuves.rdz.example",
                            Duration.ofDays(90),
                            Clock.systemUTC()),
                    fr.rdz.notifier.email.application.WithdrawalNotices.NONE);
            DeliveryPlanned batch = Batches.batch(
                    "b-local",
                    Entity.ZR7,
                    Batches.client("c-1", "Solaire Pro", DeliveryChannel.EMAIL, "leads@solaire-pro.example.fr"),
                    Batches.threeLeads(Entity.ZR7));

            new SmtpBatchMailer(new EntityMailSenders(properties)).send(composer.compose(batch));

            await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(mailDir).size() == 1);
            MimeMessage eml;
            try (InputStream in = Files.newInputStream(emlFiles(mailDir).get(0))) {
                eml = new MimeMessage(null, in);
            }
            assertThat(((InternetAddress) eml.getFrom()[0]).getAddress()).isEqualTo("livraison@zr7.local");
            assertThat(eml.getSubject()).isEqualTo("[ZR7] 3 leads PV – livraison du 20/11/2026");
            Multipart parts = (Multipart) eml.getContent();
            List<Part> attachments = new java.util.ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    attachments.add(parts.getBodyPart(i));
                }
            }
            // the seed's CSV first, the proof-of-consent CSV beside it
            assertThat(attachments).hasSize(2);
            Part csv = attachments.get(0);
            assertThat(attachments.get(1).getFileName())
                    .isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20_preuves-consentement.csv");
            assertThat(attachments.get(1).getHeader("Content-Transfer-Encoding"))
                    .containsExactly("base64");
            assertThat(csv.getFileName()).isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20.csv");
            assertThat(csv.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
            byte[] bytes = csv.getInputStream().readAllBytes();
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .startsWith("\uFEFFnom;prenom;telephone;email;code_postal;departement;proprietaire_maison\r\n")
                    .contains("Martin;Éloïse;0612345678;eloise.martin@example.fr;75011;75;oui\r\n");
        }
    }

    static List<Path> emlFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }
}
