package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class DeliveriesPagesTest extends PagesTestBase {

    static final String BATCH =
            """
            {"batch_id":"run-ZR7-2026-11-27:k-1","commande_id":"k-1","client_id":"c-1","client_name":"Solaire Pro","product":"PV",
             "lead_ids":["l-1","l-2","l-3"],"fresh":2,"lb":1,"cross_entity":0,"duplicates_replaced":2,"target":5,"short":true,
             "delivered":3,"missing":2,
             "short_reasons":[{"code":"POOL_EXHAUSTED","params":{},"message":"Plus aucun lead PV éligible pour les départements 75 : il en manque 2."},
                              {"code":"LB_CAP_REACHED","params":{},"message":"Plafond LB atteint : 1 lead LB au plus (20 % de l'objectif)."}],
             "channels":["email","api"],
             "outcomes":{"email":{"state":"sent","sent":3,"duplicate":0,"failed":0,"retrying":0,"pending":0,"status":"sent","reason":null},
                         "api":{"state":"partially_failed","sent":2,"duplicate":0,"failed":1,"retrying":0,"pending":0,"status":"dead_lettered","reason":"HTTP 503"}},
             "failed_leads":0,"failed_lead_ids":[]}""";
    static final String RUN =
            "{\"id\":\"run-ZR7-2026-11-27\",\"entity\":\"ZR7\",\"date\":\"2026-11-27\",\"dry_run\":false,"
                    + "\"state\":\"PUBLISHED\",\"planned_at\":\"2026-11-27T08:30:00Z\",\"failed_leads\":0,\"batches\":["
                    + BATCH + "]}";

    @Test
    void runsOfADayShowEachBatchWithWhyShortOutcomesAndLinks() {
        DELIVERY.on("GET", "/admin/runs", 200, "[" + RUN + "]");

        String page = html(admin(), "/runs?date=2026-11-27&entity=ZR7");

        assertThat(page)
                .contains("<h1>Livraisons</h1>", "ZR7 — 2026-11-27", "Pourquoi incomplet")
                .contains("remise aux canaux")
                .doesNotContain("PUBLISHED")
                .contains("Plus aucun lead PV éligible pour les départements 75 : il en manque 2.")
                .contains("Plafond LB atteint")
                .contains("href=\"/clients/c-1\"", "Solaire Pro", "href=\"/commandes/k-1\"")
                .contains("envoyé", "échoué en partie", "2 réussis, 1 échoués", "href=\"/failures?client_id=c-1\"")
                .contains("href=\"/batches/run-ZR7-2026-11-27:k-1/csv\"", "Télécharger le CSV")
                .contains("id=\"batch-run-ZR7-2026-11-27:k-1\"");
        assertThat(DELIVERY.received("GET", "/admin/runs").get(0).query()).isEqualTo("date=2026-11-27&entity=ZR7");
        assertThat(page)
                .contains(
                        "href=\"/runs?date=2026-11-26&amp;entity=ZR7\"",
                        "href=\"/runs?date=2026-11-28&amp;entity=ZR7\"");
    }

    @Test
    void aRunIsPreviewedFirstThenLaunchedOnConfirmation() {
        DELIVERY.on(
                "POST",
                "/admin/runs",
                200,
                RUN.replace("\"dry_run\":false", "\"dry_run\":true").replace("\"state\":\"PUBLISHED\",", ""));

        String preview = admin().post()
                .uri("/runs/preview")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7").with("date", "2026-11-27"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(preview)
                .contains("Aperçu : livraison ZR7 du 2026-11-27", "Rien n'est encore enregistré")
                .contains("Plus aucun lead PV éligible", "id=\"confirm-launch\"", "Confirmer et lancer la livraison");
        assertThat(DELIVERY.received("POST", "/admin/runs").get(0).body())
                .isEqualTo("{\"entity\":\"ZR7\",\"date\":\"2026-11-27\",\"dry_run\":true}");

        DELIVERY.on("POST", "/admin/runs", 200, RUN);
        admin().post()
                .uri("/runs/launch")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7").with("date", "2026-11-27"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/runs/run-ZR7-2026-11-27?launched");
        assertThat(DELIVERY.received("POST", "/admin/runs").get(1).body())
                .isEqualTo("{\"entity\":\"ZR7\",\"date\":\"2026-11-27\",\"dry_run\":false}");
    }

    @Test
    void aBadDateIsShownNextToItsFieldAndAViewerCannotLaunch() {
        String page = admin().post()
                .uri("/runs/preview")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "").with("date", "27/11/2026"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("id=\"error-date\"", "La date doit être au format AAAA-MM-JJ.")
                .contains("id=\"error-entity\"", "Choisissez l&#39;entité.");
        assertThat(DELIVERY.received("POST", "/admin/runs")).isEmpty();

        viewer().post()
                .uri("/runs/launch")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7").with("date", "2026-11-27"))
                .exchange()
                .expectStatus()
                .isForbidden();
        DELIVERY.on("GET", "/admin/runs", 200, "[" + RUN + "]");
        assertThat(html(viewer(), "/runs")).doesNotContain("id=\"launch-run\"");
        assertThat(DELIVERY.received("POST", "/admin/runs")).isEmpty();
    }

    @Test
    void theBatchCsvIsServedByteForByteAsEmailed() {
        byte[] csv = ("\uFEFFnom;prenom;telephone;email;code_postal;departement;proprietaire_maison\r\n"
                        + "Dupont;Jean;0612345678;j@d.fr;75011;75;oui\r\n")
                .getBytes(StandardCharsets.UTF_8);
        NOTIFIER.on(
                "GET",
                "/admin/batches/run-ZR7-2026-11-27:k-1/csv",
                new StandInService.Answer(
                        200,
                        "text/csv;charset=UTF-8",
                        csv,
                        Map.of(
                                "Content-Disposition", "attachment; filename=\"ZR7_PV_Solaire Pro_2026-11-27.csv\"",
                                "X-RDZ-Mail-State", "SENT")));

        byte[] served = admin().get()
                .uri("/batches/run-ZR7-2026-11-27:k-1/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"ZR7_PV_Solaire Pro_2026-11-27.csv\"")
                .expectHeader()
                .valueEquals("X-RDZ-Mail-State", "SENT")
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(served).isEqualTo(csv);
    }

    @Test
    void aZr7OperatorSeesNoMdlRun() {
        DELIVERY.on(
                "GET",
                "/admin/runs",
                200,
                "[" + RUN + "," + RUN.replace("ZR7", "MDL").replace("Solaire Pro", "Maison Durable") + "]");

        String page = html(zr7(), "/runs?date=2026-11-27");

        assertThat(page).contains("Solaire Pro").doesNotContain("Maison Durable", "run-MDL");
        assertThat(DELIVERY.received("GET", "/admin/runs").get(0).query()).contains("entity=ZR7");
    }

    @Test
    void aBadDateInTheFilterIsShownNextToItAsDeliveryListsIt() {
        DELIVERY.on(
                "GET",
                "/admin/runs",
                400,
                """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid parameters",
                 "errors":[{"field":"date","message":"La date doit être au format AAAA-MM-JJ."}]}""");

        String page = html(admin(), "/runs?date=2026-13-01");

        assertThat(page).contains("La date doit être au format AAAA-MM-JJ.").doesNotContain("id=\"previous-day\"");
    }
}
