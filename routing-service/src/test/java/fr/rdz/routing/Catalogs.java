package fr.rdz.routing;

import java.util.List;
import java.util.Map;

/** Object Mother of admin request bodies (snake_case, as an operator would send them). */
public final class Catalogs {

    public static final String API_KEY = "crm_SuperSecretKey_0123456789";

    private Catalogs() {}

    public static Map<String, Object> lp(String entity) {
        return Map.of("entity", entity, "name", "LP " + entity, "url", "https://lp.example.fr/");
    }

    public static Map<String, Object> form(String entity, String product) {
        return Map.of("entity", entity, "product", product, "name", "Form " + entity + " " + product);
    }

    /** A consent text naming these clients, under a fresh version. */
    public static Map<String, Object> consentText(String entity, List<String> partnerClientIds) {
        return Map.of(
                "version",
                "CT-" + entity + "-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "entity",
                entity,
                "wording",
                "J'accepte d'être recontacté(e) par téléphone par les partenaires nommés ci-dessous.",
                "partner_client_ids",
                partnerClientIds,
                "valid_from",
                "2026-11-01");
    }

    public static Map<String, Object> client(String entity) {
        return Map.of(
                "entity",
                entity,
                "name",
                "Client " + entity,
                "emails",
                List.of("leads@client.example.fr"),
                "delivery_channel",
                "both",
                "api_url",
                "https://crm.client.example.fr/lead/api/create_lead/",
                "api_key",
                API_KEY,
                "active",
                true);
    }

    public static Map<String, Object> commande(String entity, String clientId, String product, List<String> deps) {
        return Map.of(
                "entity",
                entity,
                "client_id",
                clientId,
                "product",
                product,
                "departements",
                deps,
                "weekly_quota",
                50,
                "delivery_days",
                List.of("MON", "TUE", "WED", "THU", "FRI"),
                "lb_max_percent",
                20,
                "priority",
                1,
                "allow_cross_entity",
                false,
                "starts_on",
                "2026-11-01");
    }
}
