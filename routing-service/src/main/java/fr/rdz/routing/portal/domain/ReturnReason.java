package fr.rdz.routing.portal.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a buyer returns a lead from its portal: a fixed list (the French label is what the lead's
 * history, the {@code LeadRejected} event and the operator's console show); {@code autre} needs
 * the buyer's own words.
 */
public enum ReturnReason {
    FAUX_NUMERO("faux_numero", "Faux numéro"),
    INJOIGNABLE("injoignable", "Injoignable"),
    DOUBLON("doublon", "Doublon"),
    HORS_ZONE("hors_zone", "Hors zone"),
    PAS_PROPRIETAIRE("pas_proprietaire", "Pas propriétaire"),
    AUTRE("autre", "Autre");

    /** The longest text a buyer may add. */
    public static final int MAX_COMMENT = 500;

    private final String code;
    private final String label;

    ReturnReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ReturnReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** The reason as recorded: the label, followed by the buyer's text when there is one. */
    public String describe(String comment) {
        return comment == null || comment.isBlank() ? label : label + " : " + comment.trim();
    }
}
