package fr.rdz.intake.tracking.mongo;

import fr.rdz.intake.tracking.application.VisitorSession;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A visitor's session on an LP (seed {@code visitor_sessions}); first-touch attribution is filled in place. */
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
        String leadId)
        implements VisitorSession {}
