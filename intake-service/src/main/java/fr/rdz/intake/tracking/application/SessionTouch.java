package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;

/** What a lead inherits from its visitor session: LP, form, liaison code, referrer and first-touch attribution. */
public record SessionTouch(
        String lpCode, String formCode, String liaisonCode, String referrer, Attribution attribution) {}
