package fr.rdz.intake.catalog.domain;

/** Which LP fed which form: {@code <lp_code>_<form_code>} (the form code alone when there is no LP). */
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
}
