package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class FailuresPagesTest extends PagesTestBase {

    static final String DEAD_LETTER =
            """
            {"id":"dl-1","batch_id":"run-ZR7-2026-11-27:k-1","lead_id":"l-1","client_id":"c-1","client_name":"Solaire Pro",
             "entity":"ZR7","phone":"06******78","last_error":"HTTP 503 Service Unavailable","attempts":6,"status":"open",
             "dead_lettered_at":"2026-11-27T11:00:00Z","replay_count":0,"push_status":"dead_lettered"}""";
    static final String FAILED_MAIL =
            """
            {"batch_id":"run-ZR7-2026-11-27:k-2","run_id":"run-ZR7-2026-11-27","run_date":"2026-11-27","entity":"ZR7","product":"PAC",
             "client_id":"c-2","client_name":"Chaleur Plus","lead_count":12,"reason":"550 mailbox unavailable","attempts":6,
             "dead_lettered_at":"2026-11-27T12:00:00Z","status":"open","replay_count":0}""";

    @Test
    void listsDeadLettersAndFailedEmailsWithTheirReasonAndLinks() {
        CRM_PUSH.on("GET", "/admin/dead-letters", 200, "[" + DEAD_LETTER + "]");
        NOTIFIER.on("GET", "/admin/failed-mails", 200, "[" + FAILED_MAIL + "]");

        String page = html(admin(), "/failures");

        assertThat(page)
                .contains("Échecs de livraison", "Push CRM en échec", "E-mails en échec")
                .contains(
                        "HTTP 503 Service Unavailable", "06******78", "abandonné (lettre morte)", "href=\"/leads/l-1\"")
                .contains("href=\"/runs/run-ZR7-2026-11-27#batch-run-ZR7-2026-11-27:k-1\"")
                .contains("href=\"/runs/run-ZR7-2026-11-27#batch-run-ZR7-2026-11-27:k-2\"")
                .contains("550 mailbox unavailable", "href=\"/runs/run-ZR7-2026-11-27\"", "href=\"/clients/c-2\"")
                .contains("Rejouer", "Tout rejouer", "Renvoyer");
        assertThat(CRM_PUSH.received("GET", "/admin/dead-letters").get(0).query())
                .isEqualTo("status=open");
    }

    @Test
    void replayingOnePushShowsTheCrmsNewAnswer() {
        CRM_PUSH.on("GET", "/admin/dead-letters", 200, "[]");
        NOTIFIER.on("GET", "/admin/failed-mails", 200, "[]");
        CRM_PUSH.on(
                "POST",
                "/admin/dead-letters/replay",
                200,
                """
                {"replayed":1,"ids":["dl-1"],"results":[{"id":"dl-1","lead_id":"l-1","batch_id":"b","client_id":"c-1",
                 "result":"replayed","push_status":"success","message":"Lead renvoyé au CRM : accepté (201)."}]}""");

        String page = admin().post()
                .uri("/failures/push/replay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("id", "dl-1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("id=\"replay-result\"", "1 rejoué(s)", "réussi", "Lead renvoyé au CRM : accepté (201).");
        assertThat(CRM_PUSH.received("POST", "/admin/dead-letters/replay")
                        .get(0)
                        .body())
                .isEqualTo("{\"id\":\"dl-1\",\"wait_seconds\":10}");
    }

    @Test
    void replayingAClientsOrAllEmailsNamesThemToNotifier() {
        CRM_PUSH.on("GET", "/admin/dead-letters", 200, "[]");
        NOTIFIER.on("GET", "/admin/failed-mails", 200, "[" + FAILED_MAIL + "]");
        NOTIFIER.on(
                "POST",
                "/admin/failed-mails/replay",
                200,
                """
                {"replayed":1,"sent":1,"results":[{"batch_id":"run-ZR7-2026-11-27:k-2","client_id":"c-2","result":"sent",
                 "reason":null,"message":"E-mail envoyé."}]}""");

        String byClient = admin().post()
                .uri("/failures/emails/replay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("client_id", "c-2").with("return_client_id", "c-2"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(byClient).contains("1 rejoué(s), 1 envoyé(s)", "E-mail envoyé.", "envoyé");

        admin().post()
                .uri("/failures/emails/replay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("all", "true"))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(NOTIFIER.received("POST", "/admin/failed-mails/replay"))
                .extracting(StandInService.Received::body)
                .containsExactly("{\"client_id\":\"c-2\"}", "{\"all\":true}");
    }

    @Test
    void aViewerSeesNoReplayButtonAndCannotReplay() {
        CRM_PUSH.on("GET", "/admin/dead-letters", 200, "[" + DEAD_LETTER + "]");
        NOTIFIER.on("GET", "/admin/failed-mails", 200, "[" + FAILED_MAIL + "]");

        assertThat(html(viewer(), "/failures")).contains("HTTP 503").doesNotContain("Rejouer", "Renvoyer");
        viewer().post()
                .uri("/failures/push/replay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("all", "true"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(CRM_PUSH.received("POST", "/admin/dead-letters/replay")).isEmpty();
    }

    @Test
    void aZr7OperatorNeverSeesMdlFailures() {
        CRM_PUSH.on(
                "GET",
                "/admin/dead-letters",
                200,
                "[" + DEAD_LETTER + "," + DEAD_LETTER.replace("ZR7", "MDL").replace("Solaire Pro", "Maison Durable")
                        + "]");
        NOTIFIER.on("GET", "/admin/failed-mails", 200, "[" + FAILED_MAIL.replace("ZR7", "MDL") + "]");

        String page = html(zr7(), "/failures");

        assertThat(page).contains("Solaire Pro").doesNotContain("Maison Durable", "Chaleur Plus");
        assertThat(CRM_PUSH.received("GET", "/admin/dead-letters").get(0).query())
                .contains("entity=ZR7");
    }
}
