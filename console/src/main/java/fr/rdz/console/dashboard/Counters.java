package fr.rdz.console.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard counters of routing's {@code /admin/stats}, with their French labels. */
public final class Counters {

    private Counters() {}

    public static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("received", "Reçus");
        LABELS.put("valid", "Valides");
        LABELS.put("invalid_phone", "Téléphone invalide");
        LABELS.put("missing_required", "Champs manquants");
        LABELS.put("double_submit", "Doubles envois");
        LABELS.put("orphan", "Formulaire inconnu");
        LABELS.put("routed", "Routés");
        LABELS.put("no_order", "Sans commande");
        LABELS.put("delivered", "Livrés");
        LABELS.put("delivered_fresh", "Livrés Fresh");
        LABELS.put("delivered_lb", "Livrés LB");
        LABELS.put("delivered_cross_entity", "Livrés inter-entités");
        LABELS.put("duplicates_replaced", "Doublons remplacés");
        LABELS.put("commandes_short", "Commandes incomplètes");
        LABELS.put("emails_sent", "E-mails envoyés");
        LABELS.put("email_failures", "Échecs e-mail");
        LABELS.put("pushes_succeeded", "Push CRM réussis");
        LABELS.put("push_duplicates", "Push refusés (doublon)");
        LABELS.put("push_failures", "Échecs push CRM");
        LABELS.put("rejected", "Rejetés");
    }

    public static String label(String counter) {
        return LABELS.getOrDefault(counter, counter);
    }
}
