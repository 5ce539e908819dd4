package fr.rdz.intake.lead.mongo;

import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lead exactly as received, and its own outbox: the {@code LeadReceived} to publish, with its
 * event id fixed at insert, and the publication state. One document, one atomic write: the lead
 * can never be stored without its "to publish" marker (no multi-document transaction needed).
 * {@code warnings} says what was accepted but is not right ({@code EMAIL_INVALID}); an e-mail address
 * that fails {@code EmailRule} is kept only here, in {@code invalidEmail}, never in the event.
 */
@Document("leads")
public record LeadDocument(
        @Id String id,
        LeadStatus status,
        String origin,
        String sessionId,
        String phone,
        Instant receivedAt,
        LeadReceived received,
        Outbox outbox,
        List<String> warnings,
        String invalidEmail) {

    /** A lead without warnings. */
    public LeadDocument(
            String id,
            LeadStatus status,
            String origin,
            String sessionId,
            String phone,
            Instant receivedAt,
            LeadReceived received,
            Outbox outbox) {
        this(id, status, origin, sessionId, phone, receivedAt, received, outbox, null, null);
    }

    /**
     * @param eventId the envelope's {@code event_id}, the same on every retry
     * @param occurredAt the envelope's {@code occurred_at}
     * @param state {@link #PENDING}, {@link #PUBLISHED} or {@link #NOT_PUBLISHED} (a double submit, kept for audit only)
     */
    public record Outbox(String eventId, Instant occurredAt, String state, Instant publishedAt) {

        public static final String PENDING = "pending";
        public static final String PUBLISHED = "published";
        public static final String NOT_PUBLISHED = "not_published";

        public boolean isPending() {
            return PENDING.equals(state);
        }
    }
}
