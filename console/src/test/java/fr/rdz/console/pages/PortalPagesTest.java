package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;

import fr.rdz.kit.PortalClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The buyers' portal pages (issue 16): a buyer sees its commandes' week, its batches with the CSV,
 * the leads of a batch and returns one with a reason from the list; every service call carries the
 * buyer's own client id (so each service answers for it only); a buyer reaches no operator page
 * and an operator no portal page.
 */
class PortalPagesTest extends PagesTestBase {

    static final String BATCH_ID = "run-ZR7-2026-11-27:k-1";
    static final String COMMANDES =
            """
            [{"commande_id":"k-1","client_id":"cl-a","product":"PV","active":true,"weekly_quota":10,
              "delivered_this_week":4,"remaining_this_week":6,"today_target":2,
              "week_start":"2026-11-23","week_end":"2026-11-29",
              "last_batches":[{"batch_id":"run-ZR7-2026-11-27:k-1","date":"2026-11-27","delivered":2,"lead_ids":["l-1","l-2"]},
                              {"batch_id":"run-ZR7-2026-11-26:k-1","date":"2026-11-26","delivered":2,"lead_ids":["l-0","l-9"]}]}]""";
    static final String LEADS =
            """
            [{"lead_id":"l-1","product":"PV","nom":"Martin","prenom":"Léa","phone":"0612345678","email":"lea@example.fr",
              "code_postal":"75011","ville":"Paris","batch_id":"run-ZR7-2026-11-27:k-1","delivered_at":"2026-11-27T08:30:00Z",
              "returnable_until":"2026-12-27T08:30:00Z","returnable":true,
              "consent_proof_url":"https://rdz.example.fr/public/consent-proofs/l-1?expires=1800000000&signature=abc"},
             {"lead_id":"l-2","product":"PV","nom":"Durand","prenom":"Paul","phone":"0698765432",
              "batch_id":"run-ZR7-2026-11-27:k-1","delivered_at":"2026-11-27T08:30:00Z","returnable":false,
              "returned":{"reason":"Doublon","at":"2026-11-27T10:00:00Z","by":"client:acme"}}]""";
    static final String REASONS =
            """
            [{"code":"faux_numero","label":"Faux numéro"},{"code":"injoignable","label":"Injoignable"},
             {"code":"doublon","label":"Doublon"},{"code":"hors_zone","label":"Hors zone"},
             {"code":"pas_proprietaire","label":"Pas propriétaire"},{"code":"autre","label":"Autre"}]""";

    WebTestClient buyer(String name, String clientId) {
        return web.mutateWith(mockUser(name)
                        .authorities(
                                new SimpleGrantedAuthority("ROLE_CLIENT"),
                                new SimpleGrantedAuthority(PortalClient.AUTHORITY_PREFIX + clientId)))
                .mutateWith(csrf());
    }

    private static Map<String, Object> claims(String authorization) {
        String payload = new String(
                Base64.getUrlDecoder()
                        .decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHomeShowsTheCommandesWeekAndTheBatchesWithTheirCsv() {
        DELIVERY.on("GET", "/portal/commandes", 200, COMMANDES);

        String page = html(buyer("acme", "cl-a"), "/portail");

        assertThat(page)
                .contains("Mes livraisons", "Mes commandes cette semaine")
                .contains("k-1", "2026-11-23 → 2026-11-29")
                .contains("<td class=\"quota\">10</td>", "<td class=\"remaining\">6</td>")
                .contains("href=\"/portail/lots/run-ZR7-2026-11-27:k-1\"")
                .contains("href=\"/portail/lots/run-ZR7-2026-11-27:k-1/csv\"", "Télécharger le CSV")
                .doesNotContain("Tableau de bord", "href=\"/leads\"", "href=\"/clients\"");
        assertThat(page.indexOf("2026-11-27")).isLessThan(page.indexOf("2026-11-26"));
        var call = DELIVERY.received("GET", "/portal/commandes").get(0);
        assertThat(claims(call.authorization()))
                .containsEntry("role", "client")
                .containsEntry("client_id", "cl-a")
                .containsEntry("sub", "acme")
                .doesNotContainKey("entity");
    }

    @Test
    void eachBuyersCallsCarryItsOwnClientIdSoAServiceAnswersForItOnly() {
        DELIVERY.on("GET", "/portal/commandes", 200, "[]");

        assertThat(html(buyer("bravo", "cl-b"), "/portail")).contains("Aucune commande.", "Aucun lot livré");

        assertThat(claims(DELIVERY.received("GET", "/portal/commandes").get(0).authorization()))
                .containsEntry("client_id", "cl-b");
        // a batch the service does not give this buyer (another client's): a 404 page, nothing of it shown
        DELIVERY.on("GET", "/portal/commandes/k-1", 404, "{\"status\":404,\"detail\":\"no commande k-1 of yours\"}");
        buyer("bravo", "cl-b")
                .get()
                .uri("/portail/lots/" + BATCH_ID)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("Martin", "0612345678"));
        assertThat(ROUTING.received("GET", "/portal/leads")).isEmpty();
        buyer("bravo", "cl-b")
                .get()
                .uri("/portail/lots/not-a-batch")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aBatchShowsItsLeadsWithTheReturnFormAndTheConsentProofPlace() {
        DELIVERY.on("GET", "/portal/commandes/k-1", 200, COMMANDES.substring(1, COMMANDES.length() - 1));
        ROUTING.on("GET", "/portal/leads", 200, LEADS);
        ROUTING.on("GET", "/portal/return-reasons", 200, REASONS);

        String page = html(buyer("acme", "cl-a"), "/portail/lots/" + BATCH_ID);

        assertThat(page)
                .contains("Lot du 2026-11-27", "Léa Martin", "0612345678", "75011 Paris")
                .contains("action=\"/portail/leads/l-1/retour\"", "Faux numéro", "Pas propriétaire", "Autre")
                .contains("Retourné : Doublon")
                .doesNotContain("action=\"/portail/leads/l-2/retour\"")
                .contains("href=\"/portail/lots/run-ZR7-2026-11-27:k-1/csv\"")
                .contains(
                        "href=\"https://rdz.example.fr/public/consent-proofs/l-1?expires=1800000000&amp;signature=abc\"")
                .contains("Voir la preuve")
                .contains("Pas encore disponible"); // l-2 has no link
        assertThat(DELIVERY.received("GET", "/portal/commandes/k-1").get(0).query())
                .isEqualTo("date=2026-11-27");
        assertThat(ROUTING.received("GET", "/portal/leads").get(0).query()).isEqualTo("ids=l-1,l-2");
    }

    @Test
    void aReturnIsSentWithItsReasonAndARefusalIsShownNextToTheLead() {
        DELIVERY.on("GET", "/portal/commandes/k-1", 200, COMMANDES.substring(1, COMMANDES.length() - 1));
        ROUTING.on("GET", "/portal/leads", 200, LEADS);
        ROUTING.on("GET", "/portal/return-reasons", 200, REASONS);
        ROUTING.on("POST", "/portal/leads/l-1/return", 200, "{\"lead_id\":\"l-1\"}");

        buyer("acme", "cl-a")
                .post()
                .uri("/portail/leads/l-1/retour")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "hors_zone")
                        .with("comment", "")
                        .with("batch", BATCH_ID))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/portail/lots/run-ZR7-2026-11-27%3Ak-1?retourne=l-1");
        var call = ROUTING.received("POST", "/portal/leads/l-1/return").get(0);
        assertThat(call.body()).contains("\"reason\":\"hors_zone\"");
        assertThat(claims(call.authorization())).containsEntry("client_id", "cl-a");

        ROUTING.on(
                "POST",
                "/portal/leads/l-1/return",
                400,
                "{\"status\":400,\"errors\":[{\"field\":\"comment\",\"message\":\"Précisez le motif du retour.\"}]}");
        buyer("acme", "cl-a")
                .post()
                .uri("/portail/leads/l-1/retour")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "autre").with("batch", BATCH_ID))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Précisez le motif du retour.", "Léa Martin"));
    }

    @Test
    void theCsvIsDownloadedAsTheNotifierServesIt() {
        byte[] csv = "nom;prenom\nMartin;Léa\n".getBytes(StandardCharsets.UTF_8);
        NOTIFIER.on(
                "GET",
                "/portal/batches/" + BATCH_ID + "/csv",
                new StandInService.Answer(
                        200,
                        "text/csv;charset=UTF-8",
                        csv,
                        Map.of("Content-Disposition", "attachment; filename=\"ZR7_PV_Acme_2026-11-27.csv\"")));

        byte[] got = buyer("acme", "cl-a")
                .get()
                .uri("/portail/lots/" + BATCH_ID + "/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"ZR7_PV_Acme_2026-11-27.csv\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(got).isEqualTo(csv);
    }

    @Test
    void aBuyerReachesNoOperatorPageAndAnOperatorNoPortalPage() {
        // where every sign-in lands: a buyer is sent on to its portal, the dashboard is never rendered
        buyer("acme", "cl-a")
                .get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .valueEquals("Location", "/portail");
        for (String path : new String[] {"/leads", "/clients", "/runs", "/quality", "/batches/" + BATCH_ID + "/csv"}) {
            buyer("acme", "cl-a").get().uri(path).exchange().expectStatus().isForbidden();
        }
        buyer("acme", "cl-a")
                .post()
                .uri("/entity")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7"))
                .exchange()
                .expectStatus()
                .isForbidden();
        admin().get().uri("/portail").exchange().expectStatus().isForbidden();
        viewer().get()
                .uri("/portail/lots/" + BATCH_ID)
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(DELIVERY.received()).isEmpty();
        assertThat(NOTIFIER.received()).isEmpty();
        assertThat(ROUTING.received()).isEmpty();
    }
}
