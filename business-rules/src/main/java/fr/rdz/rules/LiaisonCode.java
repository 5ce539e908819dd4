package fr.rdz.rules;

/**
 * Which LP fed which form: {@code <lp_code>_<form_code>} (the form code alone when there is no LP). The only place
 * the code is derived: intake's leads and visits, routing's tracking brief; a code the page sent always wins.
 */
public final class LiaisonCode {

    private LiaisonCode() {}

    public static String of(String lpCode, String formCode) {
        boolean hasLp = lpCode != null && !lpCode.isBlank();
        boolean hasForm = formCode != null && !formCode.isBlank();
        if (hasLp && hasForm) {
            return lpCode + "_" + formCode;
        }
        return hasForm ? formCode : "";
    }

    /**
     * A visit's code (session or tracking event), as the seed records it: the code sent, else {@code
     * <lp_code>_<form_code>} only when both are known, else empty (a visit with no LP has no liaison).
     */
    public static String ofVisit(String sent, String lpCode, String formCode) {
        if (sent != null && !sent.isEmpty()) {
            return sent;
        }
        boolean hasLp = lpCode != null && !lpCode.isEmpty();
        boolean hasForm = formCode != null && !formCode.isEmpty();
        return hasLp && hasForm ? of(lpCode, formCode) : "";
    }
}
