package fr.rdz.intake.lead.domain;

/**
 * The seed's consent default ({@code rgpd_consent: Optional[bool] = True}): a lead that does not say whether the
 * person ticked the RGPD box is recorded as consenting; an explicit answer, {@code true} or {@code false}, is kept.
 */
public final class MissingConsentCountsAsGiven {

    private MissingConsentCountsAsGiven() {}

    public static Boolean recorded(Boolean sent) {
        return sent != null ? sent : Boolean.TRUE;
    }
}
