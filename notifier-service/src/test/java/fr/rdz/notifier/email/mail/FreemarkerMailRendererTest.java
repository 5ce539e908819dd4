package fr.rdz.notifier.email.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.application.MailRenderer.RenderedMail;
import fr.rdz.notifier.email.config.NotifierProperties;
import fr.rdz.notifier.email.domain.MailSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreemarkerMailRendererTest {

    static final DeliveryPlanned BATCH = Batches.batch(
            "b-1",
            Entity.ZR7,
            Batches.client("c-1", "Solaire <Pro>", DeliveryChannel.EMAIL, "a@example.fr"),
            Batches.threeLeads(Entity.ZR7));

    @Test
    void rendersTheEntitysFrenchSubjectAndSummary() {
        RenderedMail mail = new FreemarkerMailRenderer(properties(null))
                .render(Entity.ZR7, MailSummary.of(BATCH, "ZR7_PV_Solaire-Pro_2026-11-20.csv"));

        assertThat(mail.subject()).isEqualTo("[ZR7] 3 leads PV – livraison du 20/11/2026");
        assertThat(mail.textBody())
                .contains("Nombre de leads : 3")
                .contains("ZR7_PV_Solaire-Pro_2026-11-20.csv")
                .contains("2B : 1")
                .contains("L'équipe livraison ZR7");
        assertThat(mail.htmlBody())
                .contains("<td>3</td>")
                .contains("Solaire &lt;Pro&gt;")
                .doesNotContain("Solaire <Pro>");
    }

    @Test
    void eachEntityHasItsOwnTemplate() {
        RenderedMail mail =
                new FreemarkerMailRenderer(properties(null)).render(Entity.MDL, MailSummary.of(BATCH, "x.csv"));
        assertThat(mail.textBody()).contains("L'équipe livraison MDL");
    }

    @Test
    void aTemplateInTheConfiguredFolderWinsOverTheDefault(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ZR7"));
        Files.writeString(
                dir.resolve("ZR7/subject.ftl"),
                "Livraison ${entity} : ${count} contacts ${productLabel}",
                StandardCharsets.UTF_8);

        FreemarkerMailRenderer renderer = new FreemarkerMailRenderer(properties(dir.toString()));

        assertThat(renderer.render(Entity.ZR7, MailSummary.of(BATCH, "x.csv")).subject())
                .isEqualTo("Livraison ZR7 : 3 contacts Panneaux solaires");
        assertThat(renderer.render(Entity.MDL, MailSummary.of(BATCH, "x.csv")).subject())
                .startsWith("[ZR7] 3 leads");
    }

    static NotifierProperties properties(String templatesDir) {
        return new NotifierProperties(Map.of(), templatesDir, Duration.ofMinutes(1));
    }
}
