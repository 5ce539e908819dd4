package fr.rdz.routing.consent;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.routing.Catalogs;
import fr.rdz.routing.Leads;
import fr.rdz.routing.RoutingIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The proof-of-consent pack of a routed lead: JSON and PDF, byte-identical, scoped, and its signed link. */
class ConsentProofPackIT extends RoutingIntegrationTest {

    private static final String WORDING =
            "J'accepte d'être recontacté(e) par téléphone par les partenaires nommés ci-dessous.";

    private String clientA;
    private String version;
    private LeadData lead;

    @BeforeEach
    void aRoutedLeadWithACatalogText() {
        clock.set(START);
        Map<String, Object> client = new HashMap<>(Catalogs.client("ZR7"));
        client.put("name", "Isolation Durable SARL");
        clientA = (String) post(admin(), "/admin/clients", client).get("id");
        version = (String) post(admin(), "/admin/consent-texts", Catalogs.consentText("ZR7", List.of(clientA)))
                .get("version");
        Map<String, Object> form = new HashMap<>(Catalogs.form("ZR7", "PAC"));
        form.put("consent_text_version", version);
        String formCode = (String) post(admin(), "/admin/forms", form).get("code");
        LeadData sample = Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PAC, formCode, "48", clock.instant());
        ConsentProof c = sample.consent();
        lead = new LeadData(
                sample.leadId(),
                sample.receivedAt(),
                sample.entity(),
                sample.product(),
                sample.contact(),
                sample.project(),
                sample.source(),
                new ConsentProof(true, null, c.pageUrl(), c.ip(), c.userAgent(), clock.instant(), null));
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + lead.leadId()).get("status"), s -> s != null);
    }

    @Test
    void theJsonPackHoldsEveryFactAndIsByteIdenticalOnEveryDownload() throws Exception {
        byte[] first = download("/admin/leads/" + lead.leadId() + "/consent-proof", MediaType.APPLICATION_JSON);
        byte[] second = download("/admin/leads/" + lead.leadId() + "/consent-proof", MediaType.APPLICATION_JSON);
        assertThat(second).isEqualTo(first);

        JsonNode pack = new ObjectMapper().readTree(first);
        assertThat(pack.path("lead_id").asText()).isEqualTo(lead.leadId());
        assertThat(pack.path("received_at").asText()).isEqualTo(START.toString());
        assertThat(pack.path("ip").asText()).isEqualTo("203.0.113.42");
        assertThat(pack.path("ip_rule").asText()).contains("proxy de confiance");
        assertThat(pack.path("user_agent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(pack.path("page_url").asText()).isEqualTo("https://solaire.example.fr/formulaire");
        assertThat(pack.path("form_code").asText()).isEqualTo(lead.source().formCode());
        assertThat(pack.path("lp_code").asText()).isEqualTo(lead.source().lpCode());
        assertThat(pack.path("consent_text").path("version").asText()).isEqualTo(version);
        assertThat(pack.path("consent_text").path("wording").asText()).isEqualTo(WORDING);
        assertThat(pack.path("consent_text").path("hash").asText())
                .isEqualTo(sha256(WORDING.getBytes(StandardCharsets.UTF_8)));
        assertThat(pack.path("consent_text").path("known").asBoolean()).isTrue();
        assertThat(pack.path("checkboxes").get(0).path("name").asText()).isEqualTo("rgpd_consent");
        assertThat(pack.path("checkboxes").get(0).path("checked").asBoolean()).isTrue();
        assertThat(pack.path("checkboxes").get(1).path("name").asText()).isEqualTo("newsletter");
        assertThat(pack.path("partners").get(0).path("client_id").asText()).isEqualTo(clientA);
        assertThat(pack.path("partners").get(0).path("name").asText()).isEqualTo("Isolation Durable SARL");

        String header = admin().get()
                .uri("/admin/leads/" + lead.leadId() + "/consent-proof")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(byte[].class)
                .getResponseHeaders()
                .getFirst("X-Consent-Proof-Sha256");
        assertThat(header).isEqualTo(sha256(first));
    }

    @Test
    void thePdfIsOneFrenchPageShowingThePackHashAndIsByteIdentical() throws Exception {
        byte[] first = download("/admin/leads/" + lead.leadId() + "/consent-proof.pdf", MediaType.APPLICATION_PDF);
        byte[] second = download("/admin/leads/" + lead.leadId() + "/consent-proof.pdf", MediaType.APPLICATION_PDF);
        assertThat(second).isEqualTo(first);
        byte[] json = download("/admin/leads/" + lead.leadId() + "/consent-proof", MediaType.APPLICATION_JSON);
        try (PDDocument pdf = Loader.loadPDF(first)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Preuve de consentement au démarchage")
                    .contains(sha256(json))
                    .contains(version)
                    .contains("203.0.113.42")
                    .contains("Isolation Durable SARL")
                    .contains("rgpd_consent : cochée")
                    .contains("recontacté(e) par téléphone");
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(START);
        }
    }

    @Test
    void anOperatorOfTheOtherEntityDoesNotSeeTheProofAViewerDoes() {
        as("mdl-admin", "test-mdl-admin")
                .get()
                .uri("/admin/leads/" + lead.leadId() + "/consent-proof")
                .exchange()
                .expectStatus()
                .isNotFound();
        as("mdl-viewer", "test-mdl-viewer")
                .get()
                .uri("/admin/leads/" + lead.leadId() + "/consent-proof-link")
                .exchange()
                .expectStatus()
                .isNotFound();
        as("zr7-viewer", "test-zr7-viewer")
                .get()
                .uri("/admin/leads/" + lead.leadId() + "/consent-proof.pdf")
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/admin/leads/" + lead.leadId() + "/consent-proof")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void theSignedLinkGivesThePackUntilItExpiresAndATamperedLinkNothing() {
        Map<String, Object> link = get(admin(), "/admin/leads/" + lead.leadId() + "/consent-proof-link");
        URI url = URI.create((String) link.get("consent_proof_url"));
        assertThat(link.get("expires_at"))
                .isEqualTo(START.plus(Duration.ofDays(90)).toString());
        String path = url.getRawPath() + "?" + url.getRawQuery();
        byte[] admin = download("/admin/leads/" + lead.leadId() + "/consent-proof", MediaType.APPLICATION_JSON);

        byte[] viaLink = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(viaLink).isEqualTo(admin);
        byte[] pdfViaLink = web.get()
                .uri(path + "&format=pdf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(pdfViaLink)
                .isEqualTo(download("/admin/leads/" + lead.leadId() + "/consent-proof.pdf", MediaType.APPLICATION_PDF));

        // another lead's id under this signature, or a changed expiry: refused, nothing of the lead answered
        String tampered = url.getRawPath().replace(lead.leadId(), "00000000-0000-0000-0000-000000000000") + "?"
                + url.getRawQuery();
        String forged = path.replaceAll(
                "expires=\\d+", "expires=" + START.plus(Duration.ofDays(999)).getEpochSecond());
        for (String bad : List.of(tampered, forged, url.getRawPath(), path + "x")) {
            String body = web.get()
                    .uri(bad)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(body)
                    .contains("Lien invalide")
                    .doesNotContain("203.0.113.42")
                    .doesNotContain(lead.phone());
        }

        // still valid on its last second, expired one second later: 410, French problem or page
        clock.set(START.plus(Duration.ofDays(90)));
        web.get().uri(path).exchange().expectStatus().isOk();
        clock.set(START.plus(Duration.ofDays(90)).plusSeconds(1));
        String expired = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isEqualTo(410)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(expired)
                .contains("Lien expiré")
                .doesNotContain("203.0.113.42")
                .doesNotContain(lead.phone());
        String page = web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(410)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<html lang=\"fr\"").contains("Lien expiré");
        clock.set(START);
    }

    private byte[] download(String path, MediaType type) {
        return admin().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(type)
                .expectBody()
                .returnResult()
                .getResponseBody();
    }

    private static String sha256(byte[] bytes) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
