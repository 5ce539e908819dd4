package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class ClientsPagesTest extends PagesTestBase {

    static final String CLIENT =
            """
            {"id":"c-1","entity":"ZR7","name":"Solaire Pro","emails":["leads@solaire.fr"],"delivery_channel":"both",
             "api_url":"https://crm.solaire.fr/api","api_key_hint":"****cdef","has_api_key":true,"active":true,"deleted":false}""";

    @Test
    void listsClientsInFrenchWithLinksAndTheOperatorsToken() {
        ROUTING.on("GET", "/admin/clients", 200, "[" + CLIENT + "]");

        String page = html(admin(), "/clients");

        assertThat(page)
                .contains(
                        "<h1>Clients</h1>",
                        "Solaire Pro",
                        "href=\"/clients/c-1\"",
                        "E-mail et API",
                        "****cdef",
                        "Nouveau client");
        assertThat(ROUTING.received("GET", "/admin/clients").get(0).authorization())
                .startsWith("Bearer ");
    }

    @Test
    void showsEveryInvalidFieldAtOnceNextToItsFieldAndSendsNothing() {
        String page = admin().post()
                .uri("/clients")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "")
                        .with("delivery_channel", "both")
                        .with("emails", "pas-une-adresse\nok@exemple.fr")
                        .with("api_url", "crm.exemple.fr")
                        .with("api_key", ""))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("id=\"error-name\"", "Le nom du client est obligatoire.")
                .contains("id=\"error-emails\"", "Adresse(s) e-mail invalide(s) : pas-une-adresse.")
                .contains("id=\"error-api_url\"", "L&#39;URL doit commencer par http:// ou https://.")
                .contains("id=\"error-api_key\"", "La clé API du CRM est obligatoire")
                .contains("Veuillez corriger 4 champ(s)")
                // what was typed is shown back
                .contains("crm.exemple.fr");
        assertThat(ROUTING.received("POST", "/admin/clients")).isEmpty();
    }

    @Test
    void mapsRoutingsProblemDetailsFieldByField() {
        ROUTING.on(
                "POST",
                "/admin/clients",
                400,
                """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"2 invalid fields",
                 "invalid_params":[{"name":"name","reason":"a client named Solaire Pro already exists in ZR7"},
                                   {"name":"emails[0]","reason":"unknown domain"}]}""");

        String page = admin().post()
                .uri("/clients")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "Solaire Pro")
                        .with("delivery_channel", "email")
                        .with("emails", "leads@solaire.fr"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("id=\"error-name\"", "a client named Solaire Pro already exists in ZR7")
                .contains("id=\"error-emails\"", "unknown domain");
    }

    @Test
    void createsTheClientAndOpensItsPage() {
        ROUTING.on("POST", "/admin/clients", 201, CLIENT);

        admin().post()
                .uri("/clients")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "Solaire Pro")
                        .with("delivery_channel", "both")
                        .with("emails", "leads@solaire.fr")
                        .with("api_url", "https://crm.solaire.fr/api")
                        .with("api_key", "crm_0123456789abcdef")
                        .with("active", "on"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/clients/c-1?created");

        String sent = ROUTING.received("POST", "/admin/clients").get(0).body();
        assertThat(sent)
                .contains("\"entity\":\"ZR7\"", "\"name\":\"Solaire Pro\"", "\"emails\":[\"leads@solaire.fr\"]")
                .contains("\"delivery_channel\":\"both\"", "\"api_key\":\"crm_0123456789abcdef\"", "\"active\":true");
    }

    @Test
    void deactivatingKeepsTheStoredKeyAndSendsActiveFalse() {
        ROUTING.on("GET", "/admin/clients/c-1", 200, CLIENT);
        ROUTING.on("PUT", "/admin/clients/c-1", 200, CLIENT.replace("\"active\":true", "\"active\":false"));

        admin().post()
                .uri("/clients/c-1/deactivate")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/clients/c-1?deactivated");

        String sent = ROUTING.received("PUT", "/admin/clients/c-1").get(0).body();
        assertThat(sent).contains("\"active\":false").doesNotContain("api_key\"");
    }

    @Test
    void aViewerSeesNoWriteActionAndIsRefusedWrites() {
        ROUTING.on("GET", "/admin/clients", 200, "[" + CLIENT + "]");
        ROUTING.on("GET", "/admin/clients/c-1", 200, CLIENT);
        ROUTING.on("GET", "/admin/commandes", 200, "[]");

        assertThat(html(viewer(), "/clients")).doesNotContain("Nouveau client");
        assertThat(html(viewer(), "/clients/c-1")).contains("Solaire Pro").doesNotContain("Désactiver", "Modifier");
        String refused = viewer().get()
                .uri("/clients/new")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).contains("Accès refusé", "Réservé aux administrateurs.", "Déconnexion");
        viewer().post().uri("/clients/c-1/deactivate").exchange().expectStatus().isForbidden();
        assertThat(ROUTING.received("PUT", "/admin/clients/c-1")).isEmpty();
    }

    @Test
    void aZr7OperatorNeverSeesAnMdlClientNorCanChooseMdl() {
        ROUTING.on(
                "GET",
                "/admin/clients",
                200,
                "[" + CLIENT + ","
                        + CLIENT.replace("c-1", "c-2").replace("ZR7", "MDL").replace("Solaire Pro", "Maison Durable")
                        + "]");

        String list = html(zr7(), "/clients");
        assertThat(list).contains("Solaire Pro").doesNotContain("Maison Durable", ">MDL<");
        assertThat(ROUTING.received("GET", "/admin/clients").get(0).query()).isEqualTo("entity=ZR7");
        assertThat(html(zr7(), "/clients/new")).contains("value=\"ZR7\"").doesNotContain("value=\"MDL\"");
    }

    @Test
    void anUnknownClientIsAFrenchNotFoundPage() {
        ROUTING.on("GET", "/admin/clients/nope", 404, "{\"status\":404,\"error\":\"no client nope\"}");

        String page = admin().get()
                .uri("/clients/nope")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("Introuvable", "Client introuvable.");
    }

    @Test
    void editingKeepsTheStoredKeyWhenLeftBlankAndRemovesItOnRequest() {
        ROUTING.on("GET", "/admin/clients/c-1", 200, CLIENT);
        ROUTING.on("PUT", "/admin/clients/c-1", 200, CLIENT);

        assertThat(html(admin(), "/clients/c-1/edit"))
                .contains("Modifier le client Solaire Pro", "enregistrée (****cdef)", "supprimer la clé enregistrée")
                .doesNotContain("crm_");

        admin().post()
                .uri("/clients/c-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "Solaire Pro")
                        .with("delivery_channel", "api")
                        .with("api_url", "https://crm.solaire.fr/api")
                        .with("api_key", "")
                        .with("active", "on"))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/clients/c-1?saved");
        admin().post()
                .uri("/clients/c-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("entity", "ZR7")
                        .with("name", "Solaire Pro")
                        .with("delivery_channel", "email")
                        .with("emails", "leads@solaire.fr")
                        .with("remove_api_key", "on")
                        .with("active", "on"))
                .exchange()
                .expectStatus()
                .is3xxRedirection();

        assertThat(ROUTING.received("PUT", "/admin/clients/c-1"))
                .extracting(StandInService.Received::body)
                .satisfiesExactly(
                        kept -> assertThat(kept)
                                .contains("\"delivery_channel\":\"api\"")
                                .doesNotContain("api_key"),
                        removed -> assertThat(removed).contains("\"api_key\":\"\""));
    }
}
