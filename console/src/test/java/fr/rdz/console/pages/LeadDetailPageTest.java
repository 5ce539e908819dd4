package fr.rdz.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A lead's page: the kind of each delivery in French words, the rejection offered only for the
 * clients that have not rejected it yet, and a timeline whose steps shown at the same time follow
 * the lead's life (planifié before envoyé).
 */
class LeadDetailPageTest extends PagesTestBase {

    private static final String CLIENTS =
            "[{\"id\":\"C1\",\"name\":\"Solaire Pro\",\"entity\":\"ZR7\"},{\"id\":\"C2\",\"name\":\"Isolation Sud\",\"entity\":\"ZR7\"}]";

    private static String lead(String rejected, String history) {
        return "{\"lead_id\":\"L1\",\"entity\":\"ZR7\",\"product\":\"PV\",\"status\":\"delivered\","
                + "\"received_at\":\"2026-11-20T09:00:00Z\",\"nom\":\"Martin\",\"prenom\":\"Éloïse\","
                + "\"deliveries\":["
                + "{\"client_id\":\"C1\",\"commande_id\":\"K1\",\"batch_id\":\"B1\",\"run_id\":\"run-1\","
                + "\"delivered_at\":\"2026-11-21T08:30:00.500Z\",\"kind\":\"fresh\",\"cross_entity\":false},"
                + "{\"client_id\":\"C2\",\"commande_id\":\"K2\",\"batch_id\":\"B2\",\"run_id\":\"run-1\","
                + "\"delivered_at\":\"2026-11-21T08:30:00.600Z\",\"kind\":\"lb\",\"cross_entity\":false}],"
                + "\"rejected_client_ids\":" + rejected + ","
                + "\"history\":" + history + "}";
    }

    @Test
    void deliveriesShowTheirKindInFrenchWords() {
        ROUTING.on("GET", "/admin/clients", 200, CLIENTS);
        ROUTING.on("GET", "/admin/leads/L1", 200, lead("[]", "[]"));

        String page = html(admin(), "/leads/L1");

        assertThat(page).contains("Neuf (Fresh)", "Relivré (LB)").doesNotContain(">FRESH<", ">LB<");
    }

    @Test
    void theRejectionIsOfferedOnlyForClientsThatHaveNotRejectedTheLead() {
        ROUTING.on("GET", "/admin/clients", 200, CLIENTS);
        ROUTING.on("GET", "/admin/leads/L1", 200, lead("[\"C1\"]", "[]"));

        String page = html(admin(), "/leads/L1");

        String form = page.substring(page.indexOf("id=\"reject-form\""));
        assertThat(form).contains("value=\"C2\"").doesNotContain("value=\"C1\"");

        // rejected by every client it was delivered to: no rejection form at all
        ROUTING.on("GET", "/admin/leads/L1", 200, lead("[\"C1\",\"C2\"]", "[]"));
        assertThat(html(admin(), "/leads/L1")).doesNotContain("reject-form").contains("Livraisons");
    }

    @Test
    void stepsShownAtTheSameTimeFollowTheLifeOfTheLead() {
        ROUTING.on("GET", "/admin/clients", 200, CLIENTS);
        // as routing orders them, by exact time: the e-mail's clock was a few milliseconds ahead
        String history = "["
                + "{\"type\":\"received\",\"at\":\"2026-11-20T09:00:00Z\",\"label\":\"Reçu (valide)\"},"
                + "{\"type\":\"routed\",\"at\":\"2026-11-20T09:00:01Z\",\"label\":\"Routé vers 2 commandes\"},"
                + "{\"type\":\"sent\",\"at\":\"2026-11-21T08:30:00.100Z\",\"client_id\":\"C1\",\"label\":\"E-mail envoyé à Solaire Pro\"},"
                + "{\"type\":\"delivered\",\"at\":\"2026-11-21T08:30:00.500Z\",\"client_id\":\"C1\",\"label\":\"Planifié pour Solaire Pro (Fresh)\"},"
                + "{\"type\":\"retrying\",\"at\":\"2026-11-21T08:30:10Z\",\"client_id\":\"C2\",\"label\":\"Nouvel essai push CRM prévu\"},"
                + "{\"type\":\"pushed\",\"at\":\"2026-11-21T08:30:40Z\",\"client_id\":\"C2\",\"label\":\"Poussé au CRM de Isolation Sud\"},"
                + "{\"type\":\"rejected\",\"at\":\"2026-11-22T10:00:00Z\",\"client_id\":\"C1\",\"label\":\"Rejeté par Solaire Pro\"}"
                + "]";
        ROUTING.on("GET", "/admin/leads/L1", 200, lead("[\"C1\"]", history));

        String page = html(admin(), "/leads/L1");
        String timeline = page.substring(page.indexOf("id=\"timeline\""));

        assertThat(timeline)
                .containsSubsequence(
                        "Reçu (valide)",
                        "Routé vers 2 commandes",
                        "Planifié pour Solaire Pro (Fresh)",
                        "E-mail envoyé à Solaire Pro",
                        "Nouvel essai push CRM prévu",
                        "Poussé au CRM de Isolation Sud",
                        "Rejeté par Solaire Pro");
    }
}
