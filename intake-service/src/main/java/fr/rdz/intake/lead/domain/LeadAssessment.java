package fr.rdz.intake.lead.domain;

import fr.rdz.events.LeadStatus;
import java.util.List;

/**
 * The verdict of the reception rules on one submission: status, normalised phone (the raw input
 * when invalid), département, missing fields, and the seed's French answer text and warning code.
 */
public record LeadAssessment(
        LeadStatus status,
        String phone,
        String departement,
        List<String> missingFields,
        String originalLeadId,
        String message,
        String warning) {

    /** The same submission found to repeat {@code originalLeadId} within the double-submit window. */
    public LeadAssessment asDoubleSubmitOf(String originalLeadId) {
        return new LeadAssessment(
                LeadStatus.DOUBLE_SUBMIT,
                phone,
                departement,
                missingFields,
                originalLeadId,
                "Double soumission détectée - lead déjà créé",
                "DOUBLE_SUBMIT");
    }

    /** Only a pending lead can be a double submit: an invalid one is kept apart anyway, and a corrected resubmission must not be blocked. */
    public boolean mayBeDoubleSubmit() {
        return status == LeadStatus.PENDING;
    }
}
