package fr.rdz.routing.quality.application;

import java.time.Instant;

/** The quality tier given to the leads of one {@code utm_campaign} (seed {@code quality_mappings}). */
public record QualityMapping(
        String utmCampaign,
        String qualityTier,
        String label,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        long version) {}
