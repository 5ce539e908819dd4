package fr.rdz.intake.lead.web;

import fr.rdz.events.LeadStatus;
import fr.rdz.intake.lead.application.Reception;
import java.util.List;

/**
 * The seed's answer to a submission: {@code {success: true, lead_id, status, message, warning?,
 * warnings?, stored: true}}; {@code warnings} (when any) lists every warning, e.g. {@code
 * EMAIL_INVALID} beside a {@code MISSING_REQUIRED} status warning.
 */
public record LeadAnswer(
        boolean success,
        String leadId,
        LeadStatus status,
        String message,
        String warning,
        List<String> warnings,
        boolean stored) {

    static LeadAnswer of(Reception r) {
        return new LeadAnswer(
                true,
                r.leadId(),
                r.status(),
                r.message(),
                r.warning(),
                r.warnings() == null || r.warnings().isEmpty() ? null : r.warnings(),
                true);
    }
}
