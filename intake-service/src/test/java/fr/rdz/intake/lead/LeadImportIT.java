package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.mongo.LeadDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** {@code POST /admin/leads/import}: original RDZ leads through the same pipeline, once each. */
class LeadImportIT extends IntakeIntegrationTest {

    @Test
    void importsEachOriginalLeadOnceKeepingItsIdAndReceptionTime() {
        knownForm();
        String valid = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String repeat = UUID.randomUUID().toString();
        String ndjson = String.join(
                "\n",
                original(valid, randomMobile(), "2026-02-01T10:15:30.123456+00:00", "pending", null),
                original(invalid, "0123456789", "2026-02-02T08:00:00+00:00", "invalid_phone", null),
                "",
                original(repeat, randomMobile(), "2026-02-03T09:00:00+00:00", "double_submit", valid),
                "{ceci n'est pas un lead");

        JsonNode first = importFile(ndjson);
        JsonNode second = importFile(ndjson);

        assertThat(first.path("imported").asInt()).isEqualTo(3);
        assertThat(first.path("already_present").asInt()).isZero();
        assertThat(first.path("rejected").asInt()).isEqualTo(1);
        assertThat(first.path("errors").get(0).path("line").asInt()).isEqualTo(5);
        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("already_present").asInt()).isEqualTo(3);

        List<LeadDocument> stored = mongo.find(
                        Query.query(Criteria.where("_id").in(valid, invalid, repeat)), LeadDocument.class)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(stored).hasSize(3);
        LeadDocument lead =
                stored.stream().filter(l -> l.id().equals(valid)).findFirst().orElseThrow();
        assertThat(lead.receivedAt()).isEqualTo(Instant.parse("2026-02-01T10:15:30.123Z"));
        assertThat(lead.origin()).isEqualTo("import");
        assertThat(lead.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(stored.stream()
                        .filter(l -> l.id().equals(invalid))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(LeadStatus.INVALID_PHONE);
        assertThat(stored.stream()
                        .filter(l -> l.id().equals(repeat))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(LeadStatus.DOUBLE_SUBMIT);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events().forLead(valid).isEmpty()
                        && !events().forLead(invalid).isEmpty());
        LeadReceived event = events().forLead(valid).get(0).envelope().payload();
        assertThat(event.origin()).isEqualTo(LeadReceived.ORIGIN_IMPORT);
        assertThat(event.lead().receivedAt()).isEqualTo(Instant.parse("2026-02-01T10:15:30.123Z"));
        assertThat(event.lead().consent().ip()).isEqualTo("198.51.100.7");
        assertThat(events().forLead(valid)).hasSize(1);
        assertThat(events().forLead(repeat)).isEmpty();
    }

    @Test
    void isForAdminsOnly() {
        web.post()
                .uri("/admin/leads/import")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private JsonNode importFile(String ndjson) {
        return admin().post()
                .uri("/admin/leads/import")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(ndjson)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** A document of the original {@code leads} collection, with the seed's field names. */
    private static String original(String id, String phone, String createdAt, String apiStatus, String originalId) {
        return "{\"id\":\"" + id + "\",\"session_id\":\"" + UUID.randomUUID() + "\",\"form_id\":null,\"form_code\":\""
                + FORM + "\",\"account_id\":\"acc-1\",\"product_type\":\"PV\",\"phone\":\"" + phone
                + "\",\"nom\":\"Durand\",\"prenom\":\"Paul\",\"civilite\":\"M.\",\"email\":\"paul@example.fr\","
                + "\"departement\":\"69\",\"ville\":\"Lyon\",\"adresse\":\"\",\"type_logement\":\"maison\","
                + "\"statut_occupant\":\"proprietaire\",\"surface_habitable\":\"100\",\"lp_code\":\"" + LP
                + "\",\"liaison_code\":\"" + LP + "_" + FORM + "\",\"utm_source\":\"google\",\"utm_medium\":\"\","
                + "\"utm_campaign\":\"hiver\",\"rgpd_consent\":true,\"newsletter\":false,\"ip\":\"198.51.100.7\","
                + "\"register_date\":1769940930,\"created_at\":\"" + createdAt + "\",\"api_status\":\"" + apiStatus
                + "\",\"sent_to_crm\":false,\"is_double_submit\":" + (originalId != null) + ",\"original_lead_id\":"
                + (originalId == null ? "null" : "\"" + originalId + "\"") + "}";
    }
}
