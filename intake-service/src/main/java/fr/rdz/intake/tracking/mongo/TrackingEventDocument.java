package fr.rdz.intake.tracking.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tracking event (seed {@code tracking}). A once-per-session event's {@code _id} is
 * {@code <session_id>:<event>}, so that two concurrent repeats cannot both be recorded. Written field by field
 * ({@link TrackingDocuments}); this record reads it through Spring Data (erasure, retention, tests).
 */
@Document("tracking")
public record TrackingEventDocument(
        @Id String id,
        String eventId,
        String sessionId,
        String visitorId,
        String event,
        String lpCode,
        String formCode,
        String liaisonCode,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid,
        String referrer,
        String userAgent,
        String ip,
        Instant createdAt) {}
