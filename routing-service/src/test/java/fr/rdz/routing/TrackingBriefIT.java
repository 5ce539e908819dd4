package fr.rdz.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingBriefIT extends RoutingIntegrationTest {

    @Test
    void modeAGivesAnLpScriptAndAFormScriptCarryingTheFormCodesAndTheIntakeUrl() {
        String lp = (String)
                AdminApi.post(admin(), "/admin/lps", Catalogs.lp("ZR7")).get("code");
        Map<String, Object> formTerms = new HashMap<>(Catalogs.form("ZR7", "PV"));
        formTerms.put("lp_code", lp);
        formTerms.put("redirect_url", "https://solaire.example.fr/merci");
        String form = (String) AdminApi.post(admin(), "/admin/forms", formTerms).get("code");

        Map<String, Object> brief = AdminApi.get(admin(), "/admin/forms/" + form + "/brief?mode=A");

        assertThat(brief)
                .containsEntry("form_code", form)
                .containsEntry("lp_code", lp)
                .containsEntry("mode", "A");
        assertThat(brief).containsEntry("liaison_code", lp + "_" + form).doesNotContainKey("integrated_script");
        assertThat((String) brief.get("lp_script"))
                .startsWith("<script>")
                .contains(
                        "\"part\":\"lp\"",
                        "\"form_code\":\"" + form + "\"",
                        "\"intake_url\":\"http://localhost:8081\"");
        assertThat((String) brief.get("form_script"))
                .contains(
                        "\"part\":\"form\"", "\"redirect_url\":\"https://solaire.example.fr/merci\"", "rdzSubmitLead");
        @SuppressWarnings("unchecked")
        Map<String, Object> mini = (Map<String, Object>) brief.get("mini_brief");
        assertThat(mini).containsEntry("redirect_url", "https://solaire.example.fr/merci");
        assertThat((String) mini.get("consent_text")).startsWith("J'accepte");
    }

    @Test
    void modeBGivesOneIntegratedScript() {
        String form = (String) AdminApi.post(admin(), "/admin/forms", Catalogs.form("ZR7", "PAC"))
                .get("code");

        Map<String, Object> brief = AdminApi.get(admin(), "/admin/forms/" + form + "/brief?mode=B");

        assertThat(brief).doesNotContainKeys("lp_script", "form_script");
        assertThat((String) brief.get("integrated_script")).contains("\"part\":\"integrated\"", form);
    }

    @Test
    void anUnknownFormIsNotFoundAndTheBriefNeedsCredentials() {
        admin().get()
                .uri("/admin/forms/PV-999/brief?mode=A")
                .exchange()
                .expectStatus()
                .isNotFound();
        web.get()
                .uri("/admin/forms/PV-001/brief?mode=A")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
