package fr.rdz.delivery.planning.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a batch got fewer leads than its target, as the planner saw it when it stopped: a code, its
 * parameters (numbers, strings, lists) and the French sentence the console shows.
 */
public record ShortReason(Code code, Map<String, Object> params) {

    private static final DateTimeFormatter CUT_OFF_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public enum Code {
        /** No more eligible lead for the commande's product and départements. */
        POOL_EXHAUSTED,
        /** The LB cap stopped the batch while eligible LB leads were left. */
        LB_CAP_REACHED,
        /** Leads skipped because the client already had that phone for the product within 30 days. */
        DUPLICATES,
        /** Leads skipped because the client had rejected them. */
        REJECTED_BY_CLIENT,
        /** Matching leads arrived after the run's cut-off: they wait for the next run. */
        RECEIVED_AFTER_CUT_OFF
    }

    public ShortReason {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static ShortReason of(Code code, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ShortReason(code, params);
    }

    /** The operator's sentence, in French. */
    public String message() {
        return switch (code) {
            case POOL_EXHAUSTED ->
                "Pas assez de leads éligibles dans le stock pour le produit " + params.get("product") + " et "
                        + departements() + " : " + params.get("available") + " trouvé(s), " + params.get("missing")
                        + " manquant(s)"
                        + (Boolean.TRUE.equals(params.get("cross_entity_allowed"))
                                ? " (autre entité comprise)."
                                : " (l'autre entité n'est pas autorisée pour cette commande).");
            case LB_CAP_REACHED ->
                "Plafond LB atteint : " + params.get("lb_cap") + " lead(s) LB au plus (" + params.get("lb_max_percent")
                        + " % de l'objectif), d'autres leads LB étaient disponibles.";
            case DUPLICATES ->
                params.get("skipped") + " lead(s) écarté(s) comme doublons : ce client a déjà reçu ce téléphone pour"
                        + " ce produit dans les 30 derniers jours.";
            case REJECTED_BY_CLIENT -> params.get("skipped") + " lead(s) écarté(s) car déjà refusé(s) par ce client.";
            case RECEIVED_AFTER_CUT_OFF ->
                params.get("count") + " lead(s) correspondant(s) reçu(s) après l'heure de coupure du passage ("
                        + cutOff() + ") : ils partiront au prochain passage.";
        };
    }

    private String departements() {
        Object deps = params.get("departements");
        if (deps instanceof List<?> list && !list.isEmpty() && !list.contains("*")) {
            return (list.size() == 1 ? "le département " : "les départements ")
                    + String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return "tous les départements";
    }

    private String cutOff() {
        Object cutOff = params.get("cut_off");
        try {
            return CUT_OFF_FORMAT.format(Instant.parse(String.valueOf(cutOff)).atZone(RunReference.PARIS));
        } catch (RuntimeException e) {
            return String.valueOf(cutOff);
        }
    }
}
