package fr.rdz.console.leads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A lead's statuses and history steps in French words, for the list and the timeline. Routing's
 * own {@code label} of a history step is used when it sends one; these words are the fallback.
 */
public final class LeadWords {

    private LeadWords() {}

    public static final Map<String, String> STATUSES = new java.util.LinkedHashMap<>();

    static {
        STATUSES.put("fresh", "Routé, en attente de livraison");
        STATUSES.put("delivered", "Livré");
        STATUSES.put("rejected", "Rejeté par le client");
        STATUSES.put("no_order", "Sans commande");
        STATUSES.put("invalid", "Invalide");
        STATUSES.put("invalid_phone", "Téléphone invalide");
        STATUSES.put("missing_required", "Champs manquants");
        STATUSES.put("double_submit", "Double envoi");
        STATUSES.put("orphan", "Formulaire inconnu");
        STATUSES.put("no_consent", "Sans consentement");
        STATUSES.put("pending", "En cours de routage");
        STATUSES.put("erased", "Effacé");
    }

    public static String status(String status) {
        return status == null ? "" : STATUSES.getOrDefault(status, status);
    }

    /** The badge colour of a status. */
    public static String tone(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "delivered" -> "ok";
            case "fresh", "pending", "no_order" -> "warn";
            case "rejected", "invalid", "invalid_phone", "missing_required", "orphan", "no_consent" -> "bad";
            default -> "";
        };
    }

    /** A delivery's kind in words: a first sale (Fresh) or a resale after the 30 days (LB). */
    public static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return "";
        }
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "fresh" -> "Neuf (Fresh)";
            case "lb" -> "Relivré (LB)";
            default -> kind;
        };
    }

    /**
     * The stage of a step in a lead's life, for steps shown at the same time: reçu → routé → planifié →
     * envoyé / poussé / échoué (one stage: their own times order them) → rejeté → effacé. Other steps
     * (e.g. a consent warning, recorded when routed) are of the routing stage.
     */
    static int stage(String type) {
        return switch (type == null ? "" : type) {
            case "received" -> 0;
            case "delivered" -> 2;
            case "sent", "pushed", "duplicate", "retrying", "failed" -> 3;
            case "rejected" -> 4;
            case "erased" -> 5;
            default -> 1;
        };
    }

    /** One history step as a sentence: routing's label, else words from its type and fields. */
    public static String step(JsonNode h, Map<String, String> clientNames) {
        String label = text(h, "label");
        if (label != null) {
            return label;
        }
        String client = text(h, "client_id");
        String clientName = client == null ? null : clientNames.getOrDefault(client, client);
        String channel = "email".equals(text(h, "channel")) ? "e-mail" : "push CRM";
        return switch (h.path("type").asText()) {
            case "received" -> "Reçu" + (text(h, "status") != null ? " (" + status(text(h, "status")) + ")" : "");
            case "routed" -> {
                int n = h.path("commande_ids").size();
                String state = text(h, "state");
                yield n > 0
                        ? "Routé vers " + n + (n > 1 ? " commandes" : " commande")
                        : "Routé : " + status(state != null ? state : text(h, "status"));
            }
            case "delivered" ->
                "Planifié pour " + (clientName == null ? "un client" : clientName)
                        + ("lb".equalsIgnoreCase(text(h, "kind")) ? " (LB)" : " (Fresh)")
                        + (h.path("cross_entity").asBoolean(false) ? ", inter-entités" : "");
            case "sent" -> "E-mail envoyé" + (clientName == null ? "" : " à " + clientName);
            case "pushed" -> "Poussé au CRM" + (clientName == null ? "" : " de " + clientName);
            case "duplicate" -> "Refusé comme doublon par le CRM" + (clientName == null ? "" : " de " + clientName);
            case "retrying" -> "Nouvel essai " + channel + " prévu";
            case "failed" -> "Échec " + channel + (text(h, "reason") != null ? " : " + text(h, "reason") : "");
            case "rejected" ->
                "Rejeté par " + (clientName == null ? "le client" : clientName)
                        + (text(h, "reason") != null ? " : " + text(h, "reason") : "");
            case "erased" -> "Données personnelles effacées";
            default -> h.path("type").asText();
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
