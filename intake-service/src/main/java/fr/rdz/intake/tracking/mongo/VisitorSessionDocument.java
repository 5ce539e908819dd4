package fr.rdz.intake.tracking.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A visitor's session on an LP (seed {@code visitor_sessions}) as stored; first-touch attribution is filled in place.
 * The tracking path writes and reads it field by field ({@link TrackingDocuments}); this record reads it through
 * Spring Data (erasure, retention, tests).
 */
@Document("visitor_sessions")
public record VisitorSessionDocument(
        @Id String id,
        String visitorId,
        String lpCode,
        String formCode,
        String liaisonCode,
        String referrer,
        String userAgent,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid,
        String ip,
        Instant createdAt,
        String status,
        String leadId) {}
