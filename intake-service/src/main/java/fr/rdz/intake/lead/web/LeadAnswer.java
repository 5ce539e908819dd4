package fr.rdz.intake.lead.web;

import fr.rdz.events.LeadStatus;
import fr.rdz.intake.lead.application.Reception;

/** The seed's answer to a submission: {@code {success: true, lead_id, status, message, warning?, stored: true}}. */
public record LeadAnswer(
        boolean success, String leadId, LeadStatus status, String message, String warning, boolean stored) {

    static LeadAnswer of(Reception r) {
        return new LeadAnswer(true, r.leadId(), r.status(), r.message(), r.warning(), true);
    }
}
