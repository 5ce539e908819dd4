package fr.rdz.routing.quality.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The seed's {@code quality_mappings}: the quality tier given to leads of one {@code utm_campaign}
 * (the campaign is the id, so reception reads it with one {@code _id} lookup).
 */
@Document("quality_mappings")
public record QualityMappingDocument(
        @Id String utmCampaign,
        String qualityTier,
        String label,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        long version) {}
