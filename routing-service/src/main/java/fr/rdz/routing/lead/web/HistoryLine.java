package fr.rdz.routing.lead.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.rdz.routing.lead.application.StoredLead;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One history entry as the console shows it: the recorded step plus {@code label}, the step in French words. */
@Schema(name = "HistoryEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryLine(
        String eventId,
        @Schema(
                        description =
                                "received, routed, delivered (planned in a batch), sent, pushed, duplicate, retrying, "
                                        + "failed, rejected, erased")
                String type,
        Instant at,
        String status,
        String state,
        List<String> commandeIds,
        String clientId,
        String commandeId,
        String batchId,
        String runId,
        String channel,
        String kind,
        Boolean crossEntity,
        String reason,
        String by,
        @Schema(description = "the step in French, for a timeline", example = "Planifié pour Isolation Sud (Fresh)")
                String label) {

    static HistoryLine of(StoredLead.Step h, Map<String, String> clientNames) {
        return new HistoryLine(
                h.eventId(),
                h.type(),
                h.at(),
                h.status(),
                h.state(),
                h.commandeIds(),
                h.clientId(),
                h.commandeId(),
                h.batchId(),
                h.runId(),
                h.channel(),
                h.kind(),
                h.crossEntity(),
                h.reason(),
                h.by(),
                label(h, clientNames));
    }

    static String label(StoredLead.Step h, Map<String, String> clientNames) {
        String client = h.clientId() == null ? "" : clientNames.getOrDefault(h.clientId(), h.clientId());
        String reason = h.reason() == null || h.reason().isBlank() ? "" : " : " + h.reason();
        boolean email = "email".equals(h.channel());
        return switch (h.type() == null ? "" : h.type()) {
            case "received" -> "Reçu" + received(h.status());
            case "routed" -> routed(h);
            case "delivered" ->
                "Planifié pour " + client
                        + ("lb".equals(h.kind()) ? " (LB" : " (Fresh")
                        + (Boolean.TRUE.equals(h.crossEntity()) ? ", inter-entité)" : ")");
            case "sent" -> "E-mail envoyé à " + client;
            case "pushed" -> "Poussé au CRM de " + client;
            case "duplicate" -> "Doublon signalé par le CRM de " + client;
            case "retrying" -> (email ? "E-mail" : "Push") + " vers " + client + " : nouvelle tentative" + reason;
            case "failed" -> (email ? "Échec de l'e-mail à " : "Échec du push vers ") + client + reason;
            case "rejected" -> "Rejeté par " + client + reason;
            case "erased" -> "Données personnelles effacées";
            case "consent_withdrawn" -> "Consentement retiré par le prospect (opposition)" + reason;
            default -> h.type();
        };
    }

    private static String received(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "pending" -> " (valide)";
            case "invalid_phone" -> " (téléphone invalide)";
            case "missing_required" -> " (champs obligatoires manquants)";
            case "double_submit" -> " (double soumission)";
            case "orphan" -> " (formulaire inconnu)";
            case "no_consent" -> " (sans consentement)";
            default -> " (" + status + ")";
        };
    }

    private static String routed(StoredLead.Step h) {
        String state = h.state() == null ? "" : h.state();
        int n = h.commandeIds() == null ? 0 : h.commandeIds().size();
        return switch (state) {
            case "fresh" -> "Routé : éligible pour " + n + " commande" + (n > 1 ? "s" : "");
            case "no_order" -> "Routé : aucune commande disponible";
            case "invalid" -> "Écarté : lead invalide";
            case "orphan" -> "Écarté : formulaire inconnu";
            case "double_submit" -> "Écarté : double soumission";
            case "no_consent" -> "Écarté : pas de consentement";
            default -> "Routé (" + state + ")";
        };
    }
}
