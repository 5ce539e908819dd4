package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class QualityPagesTest extends PagesTestBase {

    static final String MAPPING =
            "{\"utm_campaign\":\"ete-2026\",\"quality_tier\":\"premium\",\"label\":\"Campagne d'été\"}";

    @Test
    void listsMappingsWithFiguresPerTier() {
        ROUTING.on("GET", "/admin/quality-mappings", 200, "[" + MAPPING + "]");
        ROUTING.on(
                "GET",
                "/admin/stats",
                200,
                """
                {"rows":[{"key":"premium","quality_tier":"premium","received":40,"valid":38,"delivered":30,"rejected":1}],"totals":{}}""");

        String page = html(admin(), "/quality");

        assertThat(page)
                .contains("Qualité des leads", "ete-2026", "premium", "Campagne d&#39;été", ">40<", ">30<")
                .contains("Classer une campagne", "href=\"/leads?utm_campaign=ete-2026\"");
        assertThat(ROUTING.received("GET", "/admin/stats").get(0).query()).isEqualTo("group_by=quality_tier");
    }

    @Test
    void refusesABadTierNextToItsFieldAndCreatesAGoodOne() {
        ROUTING.on("GET", "/admin/quality-mappings", 200, "[]");
        ROUTING.on("GET", "/admin/stats", 200, "{\"rows\":[],\"totals\":{}}");
        ROUTING.on("POST", "/admin/quality-mappings", 201, MAPPING);

        String refused = admin().post()
                .uri("/quality")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "").with("quality_tier", "très bon"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("id=\"error-utm_campaign\"", "Indiquez la campagne")
                .contains("id=\"error-quality_tier\"", "1 à 32 caractères");
        assertThat(ROUTING.received("POST", "/admin/quality-mappings")).isEmpty();

        admin().post()
                .uri("/quality")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "ete-2026").with("quality_tier", "premium"))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(ROUTING.received("POST", "/admin/quality-mappings").get(0).body())
                .isEqualTo("{\"utm_campaign\":\"ete-2026\",\"quality_tier\":\"premium\"}");
    }

    @Test
    void aCampaignAlreadyClassedIsShownNextToItsField() {
        ROUTING.on("GET", "/admin/quality-mappings", 200, "[" + MAPPING + "]");
        ROUTING.on("GET", "/admin/stats", 200, "{\"rows\":[],\"totals\":{}}");
        ROUTING.on(
                "POST",
                "/admin/quality-mappings",
                409,
                "{\"status\":409,\"error\":\"utm_campaign ete-2026 already has a tier\"}");

        String page = admin().post()
                .uri("/quality")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "ete-2026").with("quality_tier", "A"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("id=\"error-utm_campaign\"", "Cette campagne a déjà un niveau de qualité");
    }

    @Test
    void onlyUnscopedAdminsManageTheGlobalMappings() {
        ROUTING.on("GET", "/admin/quality-mappings", 200, "[" + MAPPING + "]");
        ROUTING.on("GET", "/admin/stats", 200, "{\"rows\":[],\"totals\":{}}");

        assertThat(html(viewer(), "/quality")).contains("ete-2026").doesNotContain("id=\"quality-form\"", "Retirer");
        assertThat(html(zr7(), "/quality")).doesNotContain("id=\"quality-form\"");
        zr7().post()
                .uri("/quality")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "x").with("quality_tier", "A"))
                .exchange()
                .expectStatus()
                .isForbidden();
        viewer().post()
                .uri("/quality/delete")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "ete-2026"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(ROUTING.received("POST", "/admin/quality-mappings")).isEmpty();
        assertThat(ROUTING.received("DELETE", "/admin/quality-mappings/ete-2026"))
                .isEmpty();
    }

    @Test
    void aServiceWithoutTheRouteIsSaidInFrench() {
        ROUTING.on("GET", "/admin/quality-mappings", 404, "{\"status\":404,\"error\":\"Not Found\"}");
        ROUTING.on("GET", "/admin/stats", 200, "{\"rows\":[],\"totals\":{}}");

        assertThat(html(admin(), "/quality")).contains("Élément introuvable.").doesNotContain(">Not Found<");
    }

    @Test
    void editingReplacesTheTierAndRemovingDeletesTheMapping() {
        ROUTING.on("GET", "/admin/quality-mappings", 200, "[" + MAPPING + "]");
        ROUTING.on("GET", "/admin/stats", 200, "{\"rows\":[],\"totals\":{}}");
        ROUTING.on("PUT", "/admin/quality-mappings/ete-2026", 200, MAPPING.replace("premium", "B"));
        ROUTING.on("DELETE", "/admin/quality-mappings/ete-2026", 204, "");

        assertThat(html(admin(), "/quality?edit=ete-2026"))
                .contains("Modifier la campagne ete-2026", "value=\"premium\"", "name=\"original\" value=\"ete-2026\"");

        admin().post()
                .uri("/quality")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("original", "ete-2026")
                        .with("quality_tier", "B")
                        .with("label", "Été"))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(ROUTING.received("PUT", "/admin/quality-mappings/ete-2026")
                        .get(0)
                        .body())
                .isEqualTo("{\"quality_tier\":\"B\",\"label\":\"Été\"}");

        admin().post()
                .uri("/quality/delete")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("utm_campaign", "ete-2026"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/quality?deleted=ete-2026");
        assertThat(ROUTING.received("DELETE", "/admin/quality-mappings/ete-2026"))
                .hasSize(1);
    }
}
