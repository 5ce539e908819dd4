package fr.rdz.intake.lead.application;

import fr.rdz.events.LeadStatus;
import java.util.List;

/**
 * The outcome of a submission: the lead id to answer (the original one for a double submit), the
 * status, the seed's French message and warning, and whether a new lead was created (201) or the
 * submission repeated one (200); {@code warnings} lists every warning ({@code EMAIL_INVALID}…).
 */
public record Reception(
        String leadId, LeadStatus status, String message, String warning, List<String> warnings, boolean created) {}
