package fr.rdz.routing.consent;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.FormSnapshot;
import fr.rdz.routing.Catalogs;
import fr.rdz.routing.RoutingIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@SuppressWarnings("unchecked")
class ConsentTextsIT extends RoutingIntegrationTest {

    @Test
    void storesAnImmutableTextWithTheHashOfItsExactWording() throws Exception {
        String clientA =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        Map<String, Object> body = new HashMap<>(Catalogs.consentText("ZR7", List.of(clientA)));
        body.put("partner_groups", List.of(Map.of("name", "Installateurs IDF", "client_ids", List.of(clientA))));
        Map<String, Object> created = post(admin(), "/admin/consent-texts", body);
        String version = (String) body.get("version");
        String wording = (String) body.get("wording");

        assertThat(created.get("version")).isEqualTo(version);
        assertThat(created.get("hash"))
                .isEqualTo(HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(wording.getBytes(StandardCharsets.UTF_8))));
        assertThat(created.get("partner_client_ids")).isEqualTo(List.of(clientA));
        assertThat(created.get("covered_client_ids")).isEqualTo(List.of(clientA));
        assertThat(created.get("valid_from")).isEqualTo("2026-11-01");
        assertThat(get(as("viewer", "test-viewer"), "/admin/consent-texts/" + version)
                        .get("wording"))
                .isEqualTo(wording);
        assertThat(list(as("zr7-viewer", "test-zr7-viewer"), "/admin/consent-texts"))
                .extracting(t -> t.get("version"))
                .contains(version);
        assertThat(list(as("mdl-viewer", "test-mdl-viewer"), "/admin/consent-texts"))
                .extracting(t -> t.get("version"))
                .doesNotContain(version);
        as("mdl-viewer", "test-mdl-viewer")
                .get()
                .uri("/admin/consent-texts/" + version)
                .exchange()
                .expectStatus()
                .isNotFound();

        // the same terms again: the stored text; another wording under the same version: refused
        admin().post()
                .uri("/admin/consent-texts")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("wording", wording + " Et d'autres.");
        admin().post()
                .uri("/admin/consent-texts")
                .bodyValue(changed)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(get(admin(), "/admin/consent-texts/" + version).get("wording"))
                .isEqualTo(wording);

        // without a version, one is generated
        Map<String, Object> unnamed = new HashMap<>(body);
        unnamed.remove("version");
        assertThat((String) post(admin(), "/admin/consent-texts", unnamed).get("version"))
                .matches("CT-\\d{3,}");
    }

    @Test
    void theBriefOfAFormWithATextSendsItsVersionAndShowsItsExactWording() {
        String client =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        Map<String, Object> text = Catalogs.consentText("ZR7", List.of(client));
        String version = (String) post(admin(), "/admin/consent-texts", text).get("version");
        Map<String, Object> form = new HashMap<>(Catalogs.form("ZR7", "PV"));
        form.put("consent_text_version", version);
        String code = (String) post(admin(), "/admin/forms", form).get("code");

        Map<String, Object> brief = get(admin(), "/admin/forms/" + code + "/brief?mode=B");
        assertThat((String) brief.get("integrated_script"))
                .contains("\"consent_text_version\":\"" + version + "\"", "body.consent_text_version");
        assertThat(((Map<String, Object>) brief.get("mini_brief")).get("consent_text"))
                .isEqualTo(text.get("wording"));
    }

    @Test
    void listsEveryInvalidFieldAtOnceAsProblemDetails() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("entity", "XX");
        bad.put("wording", "");
        bad.put("partner_client_ids", List.of("nope"));
        bad.put("valid_from", "2026-13-01");
        bad.put("colour", "blue");
        admin().post()
                .uri("/admin/consent-texts")
                .bodyValue(bad)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("colour", "entity", "valid_from", "wording"));

        Map<String, Object> unknownClient = new HashMap<>(Catalogs.consentText("ZR7", List.of("no-such-client")));
        admin().post()
                .uri("/admin/consent-texts")
                .bodyValue(unknownClient)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("unknown client no-such-client");
    }

    @Test
    void onlyAnAdminOfTheEntityWritesATextAndAFormNamesAKnownTextOfItsEntity() {
        String client =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        Map<String, Object> text = Catalogs.consentText("ZR7", List.of(client));
        as("viewer", "test-viewer")
                .post()
                .uri("/admin/consent-texts")
                .bodyValue(text)
                .exchange()
                .expectStatus()
                .isForbidden();
        as("mdl-admin", "test-mdl-admin")
                .post()
                .uri("/admin/consent-texts")
                .bodyValue(text)
                .exchange()
                .expectStatus()
                .isForbidden();
        String version = (String) post(as("zr7-admin", "test-zr7-admin"), "/admin/consent-texts", text)
                .get("version");

        Map<String, Object> form = new HashMap<>(Catalogs.form("ZR7", "PV"));
        form.put("consent_text_version", version);
        String code = (String) post(admin(), "/admin/forms", form).get("code");
        assertThat(get(admin(), "/admin/forms/" + code).get("consent_text_version"))
                .isEqualTo(version);
        assertThat(tap().await(FormSnapshot.class, f -> f.code().equals(code)).consentTextVersion())
                .isEqualTo(version);

        Map<String, Object> otherEntity = new HashMap<>(Catalogs.form("MDL", "PV"));
        otherEntity.put("consent_text_version", version);
        admin().post()
                .uri("/admin/forms")
                .bodyValue(otherEntity)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .value(m -> assertThat((String) m).contains("belongs to entity ZR7"));
        Map<String, Object> unknown = new HashMap<>(Catalogs.form("ZR7", "PV"));
        unknown.put("consent_text_version", "CT-NOPE");
        admin().post()
                .uri("/admin/forms")
                .bodyValue(unknown)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .value(m -> assertThat((String) m).contains("unknown consent_text_version CT-NOPE"));

        // PUT /admin/forms/{code}: the text in force is kept when the body names none
        Map<String, Object> renamed = new HashMap<>(Map.of("name", "Solaire renommé"));
        assertThat(putForm(code, renamed)).containsEntry("consent_text_version", version);
        assertThat(tap().await(FormSnapshot.class, f -> f.code().equals(code) && "Solaire renommé".equals(f.name()))
                        .consentTextVersion())
                .isEqualTo(version);
        // ... checked like on creation, every invalid field at once, nothing changed
        Map<String, Object> badEdit = new HashMap<>(Map.of("name", " ", "consent_text_version", "CT-NOPE"));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) admin().put()
                .uri("/admin/forms/" + code)
                .bodyValue(badEdit)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("invalid_params");
        assertThat(problems).extracting(p -> p.get("name")).containsExactlyInAnyOrder("name", "consent_text_version");
        assertThat(problems)
                .filteredOn(p -> "consent_text_version".equals(p.get("name")))
                .extracting(p -> (String) p.get("reason"))
                .containsExactly("unknown consent_text_version CT-NOPE");
        // ... and replaced by another known text of the form's entity
        Map<String, Object> second = new HashMap<>(text);
        second.remove("version");
        second.put("wording", second.get("wording") + " (v2)");
        String secondVersion =
                (String) post(admin(), "/admin/consent-texts", second).get("version");
        Map<String, Object> newText =
                new HashMap<>(Map.of("name", "Solaire renommé", "consent_text_version", secondVersion));
        assertThat(putForm(code, newText)).containsEntry("consent_text_version", secondVersion);
        assertThat(get(admin(), "/admin/forms/" + code).get("consent_text_version"))
                .isEqualTo(secondVersion);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> putForm(String code, Map<String, Object> body) {
        return admin().put()
                .uri("/admin/forms/" + code)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
