package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class CommandesPagesTest extends PagesTestBase {

    static final String CLIENT =
            """
            {"id":"c-1","entity":"ZR7","name":"Solaire Pro","emails":["leads@solaire.fr"],"delivery_channel":"email",
             "has_api_key":false,"active":true,"deleted":false}""";
    static final String COMMANDE =
            """
            {"id":"k-1","entity":"ZR7","client_id":"c-1","product":"PV","departements":["75","92"],"weekly_quota":50,
             "delivery_days":["MON","WED","FRI"],"lb_max_percent":20,"priority":1,"allow_cross_entity":false,
             "starts_on":"2026-11-01","ends_on":null,"active":true,"deleted":false}""";
    static final String PROGRESS =
            """
            {"commande_id":"k-1","client_id":"c-1","client_name":"Solaire Pro","entity":"ZR7","product":"PV","active":true,
             "weekly_quota":50,"delivery_days":["MON","WED","FRI"],"date":"2026-11-27","week_start":"2026-11-23",
             "week_end":"2026-11-29","delivered_this_week":31,"delivered_before_date":24,"remaining_this_week":19,
             "today_target":13,"today_run":{"run_id":"run-ZR7-2026-11-27","state":"PUBLISHED","delivered":7,"short":true,"short_reasons":[]},
             "last_batches":[{"batch_id":"run-ZR7-2026-11-27:k-1","run_id":"run-ZR7-2026-11-27","date":"2026-11-27","target":13,
               "delivered":7,"fresh":5,"lb":2,"cross_entity":0,"duplicates_replaced":3,"short":true,
               "short_reasons":[{"code":"POOL_EXHAUSTED","params":{},"message":"Plus aucun lead PV disponible pour les départements 75, 92 : 6 manquent."}],
               "channels":["email"],"outcomes":{"email":{"state":"sent","sent":7,"failed":0}}}]}""";

    @Test
    void showsEveryInvalidFieldAtOnceInFrench() {
        ROUTING.on("GET", "/admin/clients", 200, "[" + CLIENT + "]");

        String page = admin().post()
                .uri("/commandes")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("client_id", "")
                        .with("product", "PV")
                        .with("departements", "75, 99, 2C")
                        .with("weekly_quota", "-3")
                        .with("lb_max_percent", "150")
                        .with("priority", "un")
                        .with("starts_on", "2026-12-10")
                        .with("ends_on", "2026-12-01"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("id=\"error-client_id\"", "Choisissez le client.")
                .contains("id=\"error-departements\"", "Département(s) inconnu(s) : 99, 2C")
                .contains(
                        "id=\"error-weekly_quota\"", "Le quota hebdomadaire doit être un nombre entier positif ou nul.")
                .contains("id=\"error-delivery_days\"", "Cochez au moins un jour de livraison.")
                .contains("id=\"error-lb_max_percent\"", "entre 0 et 100")
                .contains("id=\"error-priority\"", "La priorité doit être un nombre entier")
                .contains("id=\"error-ends_on\"", "La date de fin est antérieure à la date de début.")
                .contains("Veuillez corriger 7 champ(s)");
        assertThat(ROUTING.received("POST", "/admin/commandes")).isEmpty();
    }

    @Test
    void createsTheCommandeWithRoutingsBody() {
        ROUTING.on("GET", "/admin/clients", 200, "[" + CLIENT + "]");
        ROUTING.on("POST", "/admin/commandes", 201, COMMANDE);

        admin().post()
                .uri("/commandes")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("client_id", "c-1")
                        .with("product", "PV")
                        .with("departements", "75 92")
                        .with("weekly_quota", "50")
                        .with("delivery_days", "MON")
                        .with("delivery_days", "WED")
                        .with("lb_max_percent", "20")
                        .with("priority", "1")
                        .with("active", "on"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/commandes/k-1?created");

        assertThat(ROUTING.received("POST", "/admin/commandes").get(0).body())
                .contains("\"client_id\":\"c-1\"", "\"departements\":[\"75\",\"92\"]", "\"weekly_quota\":50")
                .contains("\"delivery_days\":[\"MON\",\"WED\"]", "\"lb_max_percent\":20")
                .doesNotContain("starts_on", "ends_on");
    }

    @Test
    void aRoutingRefusalNamingAFieldIsShownNextToIt() {
        ROUTING.on("GET", "/admin/clients", 200, "[" + CLIENT + "]");
        ROUTING.on(
                "POST",
                "/admin/commandes",
                400,
                "{\"status\":400,\"error\":\"client c-1 belongs to entity ZR7, not MDL\"}");

        String page = admin().post()
                .uri("/commandes")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "MDL")
                        .with("client_id", "c-1")
                        .with("product", "PV")
                        .with("departements", "*")
                        .with("weekly_quota", "10")
                        .with("delivery_days", "MON"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("id=\"error-entity\"", "client c-1 belongs to entity ZR7, not MDL");
    }

    @Test
    void theCommandePageShowsTheWeekTodaysTargetAndLastBatchesWithWhyShort() {
        ROUTING.on("GET", "/admin/commandes/k-1", 200, COMMANDE);
        ROUTING.on("GET", "/admin/clients/c-1", 200, CLIENT);
        DELIVERY.on("GET", "/admin/commandes/k-1/progress", 200, PROGRESS);

        String page = html(admin(), "/commandes/k-1");

        assertThat(page)
                .contains(
                        "Quota de la semaine",
                        "id=\"week-quota\">50<",
                        "id=\"delivered-this-week\">31<",
                        "id=\"today-target\">13<")
                .contains("Plus aucun lead PV disponible pour les départements 75, 92 : 6 manquent.")
                .contains("href=\"/runs/run-ZR7-2026-11-27#batch-run-ZR7-2026-11-27:k-1\"", "href=\"/clients/c-1\"")
                .contains("lundi, mercredi, vendredi")
                .contains(">envoyé<", "href=\"/batches/run-ZR7-2026-11-27:k-1/csv\"");
    }
}
