package fr.rdz.console.pages.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** French words for the back ends' codes, for the templates ({@code @labels}). */
public final class Labels {

    public static final Map<String, String> PRODUCTS = ordered(
            "PV", "Panneaux solaires (PV)", "PAC", "Pompe à chaleur (PAC)", "ITE", "Isolation extérieure (ITE)");
    public static final Map<String, String> DAYS = ordered(
            "MON",
            "lundi",
            "TUE",
            "mardi",
            "WED",
            "mercredi",
            "THU",
            "jeudi",
            "FRI",
            "vendredi",
            "SAT",
            "samedi",
            "SUN",
            "dimanche");
    public static final Map<String, String> CHANNELS =
            ordered("email", "E-mail (CSV)", "api", "API (CRM)", "both", "E-mail et API");

    public static final Map<String, String> OUTCOMES = ordered(
            "sent", "envoyé",
            "success", "réussi",
            "pending", "en attente",
            "retrying", "nouvel essai prévu",
            "failed", "échoué",
            "partially_failed", "échoué en partie",
            "duplicate", "doublon chez le CRM",
            "dead_lettered", "abandonné (lettre morte)",
            "validation_error", "refusé par le CRM (données)",
            "auth_error", "refusé par le CRM (clé API)",
            "erased", "effacé",
            "open", "à rejouer",
            "replayed", "rejoué",
            "resolved", "résolu",
            "replayed_result", "rejoué",
            "already_final", "déjà abouti (rien renvoyé)",
            "already_sent", "déjà envoyé (rien renvoyé)",
            "not_replayable", "impossible à rejouer",
            "not_found", "introuvable",
            "in_progress", "envoi en cours");

    private Labels() {}

    /** An outcome, state or replay result in French. */
    public static String outcome(Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString().toLowerCase(java.util.Locale.ROOT);
        return OUTCOMES.getOrDefault(key, code.toString());
    }

    /** A run's state (delivery's PLANNING, RECORDED, PUBLISHED, PUBLISH_FAILED, NOTHING_TO_PLAN) in French. */
    public static String runState(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "PLANNING" -> "en cours de planification";
            case "RECORDED" -> "enregistrée, en cours d'envoi aux canaux";
            case "PUBLISHED" -> "remise aux canaux";
            case "PUBLISH_FAILED" -> "échec de remise aux canaux";
            case "NOTHING_TO_PLAN" -> "aucune commande servie ce jour-là";
            default -> code.toString();
        };
    }

    public static String product(Object code) {
        return code == null ? "" : PRODUCTS.getOrDefault(code.toString(), code.toString());
    }

    public static String day(Object code) {
        return code == null ? "" : DAYS.getOrDefault(code.toString(), code.toString());
    }

    public static String channel(Object code) {
        return code == null ? "" : CHANNELS.getOrDefault(code.toString(), code.toString());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
