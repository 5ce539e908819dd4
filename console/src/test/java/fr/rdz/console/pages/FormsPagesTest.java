package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class FormsPagesTest extends PagesTestBase {

    static final String FORM =
            """
            {"code":"PV-001","entity":"ZR7","product":"PV","name":"Solaire IDF","lp_code":"LP-001","liaison_code":"LP-001_PV-001",
             "redirect_url":"https://solaire.example.fr/merci","status":"active",
             "stats":{"received":120,"valid":110,"invalid":10,"double_submit":2,"routed":108,"no_order":4,"delivered":97,"rejected":3,"since":null}}""";
    static final String PAC_FORM =
            """
            {"code":"PAC-004","entity":"ZR7","product":"PAC","name":"PAC Nord","lp_code":"LP-002","status":"active",
             "redirect_url":"https://pac.example.fr/merci","stats":{"received":5,"valid":5,"invalid":0,"double_submit":0,"routed":5,"no_order":0,"delivered":1,"rejected":0,"since":"2026-11-20T08:00:00Z"}}""";
    static final String LP =
            """
            {"code":"LP-001","entity":"ZR7","name":"LP Solaire","url":"https://solaire.example.fr/","form_code":"PV-001","status":"active"}""";

    @Test
    void showsFormCardsByProductWithFiguresAndTheirLp() {
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "," + PAC_FORM + "]");
        ROUTING.on("GET", "/admin/lps", 200, "[" + LP + "]");

        String page = html(admin(), "/forms");

        assertThat(page)
                .contains(
                        "Formulaires &amp; LP",
                        "id=\"product-PV\"",
                        "id=\"product-PAC\"",
                        "card product-PV",
                        "card product-PAC")
                .contains("Panneaux solaires (PV)", "Pompe à chaleur (PAC)")
                .contains(">120<", ">110<", ">97<", "href=\"https://solaire.example.fr/\"", "LP Solaire")
                .contains("depuis la remise à zéro du 2026-11-20T08:00:00Z")
                .contains("Dupliquer", "Archiver", "Nouveau formulaire", "Nouvelle LP");
        assertThat(page.indexOf("id=\"product-PV\"")).isLessThan(page.indexOf("id=\"product-PAC\""));
        // every active LP is the listed one: asked once
        assertThat(ROUTING.received("GET", "/admin/lps")).hasSize(1);
    }

    @Test
    void cardsOfOneEntityListItsLpsAndLinkEveryActiveLp() {
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "]");
        ROUTING.on("GET", "/admin/lps", 200, "[" + LP + "]");

        assertThat(html(admin(), "/forms?entity=ZR7")).contains("card product-PV", "LP Solaire");

        assertThat(ROUTING.received("GET", "/admin/lps"))
                .extracting(StandInService.Received::query)
                .containsExactlyInAnyOrder("entity=ZR7", "");
    }

    @Test
    void theBriefModalShowsScriptsAsCodeWithCopyButtonsAndTheChosenProductsRedirect() {
        ROUTING.on("GET", "/admin/forms/PV-001", 200, FORM);
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "," + PAC_FORM + "]");
        ROUTING.on(
                "GET",
                "/admin/forms/PV-001/brief",
                200,
                """
                {"form_code":"PV-001","lp_code":"LP-001","liaison_code":"LP-001_PV-001","mode":"A","intake_url":"http://localhost:8081",
                 "lp_script":"<script>\\n(function(){ rdz.init('LP-001'); })();\\n</script>",
                 "form_script":"<script>\\nwindow.rdzSubmitLead = function(d){ return fetch('/public/leads'); };\\n</script>",
                 "integrated_script":null,
                 "mini_brief":{"gtm_head":"<!-- GTM -->","gtm_body":null,"gtm_conversion":null,"consent_text":"J'accepte d'être recontacté(e).","legal_text":null,"redirect_url":"https://solaire.example.fr/merci"}}""");

        String modal = admin().get()
                .uri("/forms/PV-001/brief?mode=A&produit=PAC")
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(modal)
                .startsWith("<dialog")
                .contains(
                        "Script de la LP",
                        "Script du formulaire",
                        "<pre class=\"code\" id=\"lp-script\">&lt;script&gt;")
                .contains("rdz.init(&#39;LP-001&#39;)", "Copier")
                .contains("https://pac.example.fr/merci", "(celle du formulaire PAC-004)")
                .contains("id=\"redirect-differs\"", "id=\"use-redirect\"")
                .doesNotContain("\"lp_script\"");
        assertThat(ROUTING.received("GET", "/admin/forms/PV-001/brief").get(0).query())
                .isEqualTo("mode=A");
    }

    @Test
    void resettingStatsIsForAdminsAndTheSnapshotStaysViewable() {
        ROUTING.on(
                "POST",
                "/admin/forms/PV-001/stats/reset",
                201,
                """
                {"id":"snap-1","form_code":"PV-001","taken_at":"2026-11-27T10:00:00Z","taken_by":"admin","since":null,
                 "counts":{"received":120,"valid":110,"invalid":10,"routed":108,"delivered":97,"rejected":3}}""");
        ROUTING.on("GET", "/admin/forms/PV-001", 200, FORM);
        ROUTING.on("GET", "/admin/lps/LP-001", 200, LP);
        ROUTING.on(
                "GET",
                "/admin/forms/PV-001/stats/snapshots",
                200,
                """
                [{"id":"snap-1","form_code":"PV-001","taken_at":"2026-11-27T10:00:00Z","taken_by":"admin","since":null,
                  "counts":{"received":120,"valid":110,"invalid":10,"routed":108,"delivered":97,"rejected":3}}]""");

        viewer().post()
                .uri("/forms/PV-001/reset-stats")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(ROUTING.received("POST", "/admin/forms/PV-001/stats/reset")).isEmpty();
        assertThat(html(viewer(), "/forms/PV-001")).doesNotContain("id=\"reset-stats\"");

        admin().post()
                .uri("/forms/PV-001/reset-stats")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/forms/PV-001?reset=snap-1");
        assertThat(ROUTING.received("POST", "/admin/forms/PV-001/stats/reset")).hasSize(1);

        String page = html(admin(), "/forms/PV-001?reset=snap-1");
        assertThat(page)
                .contains("Statistiques remises à zéro", "id=\"snapshot-snap-1\"", "2026-11-27T10:00:00Z", ">120<")
                .contains("Remise à zéro des statistiques");
    }

    @Test
    void editingAFormSendsPutAndShowsEachRefusedFieldNextToIt() {
        ROUTING.on("GET", "/admin/forms/PV-001", 200, FORM);
        ROUTING.on("GET", "/admin/lps", 200, "[" + LP + "]");
        ROUTING.on(
                "PUT",
                "/admin/forms/PV-001",
                400,
                """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid",
                 "invalid_params":[{"name":"lp_code","reason":"LP LP-009 belongs to entity MDL"},{"name":"redirect_url","reason":"must be an absolute URL"}]}""");

        String page = admin().post()
                .uri("/forms/PV-001")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "Solaire IDF 2")
                        .with("lp_code", "LP-009")
                        .with("redirect_url", "https://x.example.fr/merci"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("id=\"error-lp_code\"", "LP LP-009 belongs to entity MDL")
                .contains("id=\"error-redirect_url\"", "must be an absolute URL");
        assertThat(ROUTING.received("PUT", "/admin/forms/PV-001").get(0).body())
                .contains("\"name\":\"Solaire IDF 2\"", "\"product\":\"PV\"", "\"lp_code\":\"LP-009\"");
    }

    @Test
    void creatingAFormWithoutNameNorLpShowsBothErrorsAtOnce() {
        ROUTING.on("GET", "/admin/lps", 200, "[" + LP + "]");

        String page = admin().post()
                .uri("/forms")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("product", "PV")
                        .with("code", "PAC-1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains(
                        "id=\"error-name\"",
                        "id=\"error-lp_code\"",
                        "id=\"error-code\"",
                        "Le code doit être de la forme PV-001");
        assertThat(ROUTING.received("POST", "/admin/forms")).isEmpty();
    }

    @Test
    void duplicatingOpensTheCopyForEditingAndArchivingReturnsToTheCards() {
        ROUTING.on("POST", "/admin/forms/PV-001/duplicate", 201, FORM.replace("PV-001", "PV-002"));
        ROUTING.on("POST", "/admin/forms/PV-001/archive", 200, FORM.replace("\"active\"", "\"archived\""));

        admin().post()
                .uri("/forms/PV-001/duplicate")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/forms/PV-002/edit?duplicated=PV-001");
        admin().post()
                .uri("/forms/PV-001/archive")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/forms?archived_form=PV-001");
    }

    @Test
    void creatingAnLpSendsRoutingsBody() {
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "]");
        ROUTING.on("POST", "/admin/lps", 201, LP.replace("LP-001", "LP-002"));

        admin().post()
                .uri("/lps")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "LP Nord")
                        .with("url", "https://nord.example.fr/"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/forms?lp_created=LP-002");
        assertThat(ROUTING.received("POST", "/admin/lps").get(0).body())
                .contains("\"entity\":\"ZR7\"", "\"name\":\"LP Nord\"", "\"url\":\"https://nord.example.fr/\"");
    }

    @Test
    void anLpPageShowsItsAddressAndLinkedFormsAndHidesWritesFromViewers() {
        ROUTING.on("GET", "/admin/lps/LP-001", 200, LP);
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "," + PAC_FORM + "]");

        assertThat(html(admin(), "/lps/LP-001"))
                .contains("LP-001 · LP Solaire", "href=\"https://solaire.example.fr/\"", "href=\"/forms/PV-001\"")
                .doesNotContain("href=\"/forms/PAC-004\"")
                .contains("href=\"/lps/LP-001/edit\"");
        assertThat(html(viewer(), "/lps/LP-001")).doesNotContain("/lps/LP-001/edit", "Archiver");
    }

    @Test
    void theChosenProductsRedirectCanBecomeTheFormsOwn() {
        String brief =
                """
                {"form_code":"PV-001","lp_code":"LP-001","liaison_code":"LP-001_PV-001","mode":"A","intake_url":"http://localhost:8081",
                 "lp_script":"<script>lp</script>","form_script":"<script>form</script>",
                 "mini_brief":{"consent_text":"J'accepte.","redirect_url":"https://pac.example.fr/merci"}}""";
        ROUTING.on("GET", "/admin/forms/PV-001", 200, FORM);
        ROUTING.on("GET", "/admin/forms", 200, "[" + FORM + "," + PAC_FORM + "]");
        ROUTING.on("GET", "/admin/forms/PV-001/brief", 200, brief);
        ROUTING.on(
                "PUT",
                "/admin/forms/PV-001",
                200,
                FORM.replace("https://solaire.example.fr/merci", "https://pac.example.fr/merci"));

        viewer().post()
                .uri("/forms/PV-001/redirect")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("redirect_url", "https://pac.example.fr/merci"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(ROUTING.received("PUT", "/admin/forms/PV-001")).isEmpty();

        String modal = admin().post()
                .uri("/forms/PV-001/redirect")
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("redirect_url", "https://pac.example.fr/merci")
                        .with("mode", "A")
                        .with("produit", "PAC"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(modal).startsWith("<dialog").contains("id=\"redirect-applied\"");
        assertThat(ROUTING.received("PUT", "/admin/forms/PV-001").get(0).body())
                .contains(
                        "\"redirect_url\":\"https://pac.example.fr/merci\"",
                        "\"name\":\"Solaire IDF\"",
                        "\"lp_code\":\"LP-001\"");
    }
}
