package fr.rdz.intake.lead.mongo;

import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.application.StoredLead;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lead exactly as received, and its own outbox: the {@code LeadReceived} to publish, with its
 * event id fixed at insert, and the publication state. One document, one atomic write: the lead
 * can never be stored without its "to publish" marker (no multi-document transaction needed).
 * {@code warnings} says what was accepted but is not right ({@code EMAIL_INVALID}); an e-mail address
 * that fails {@code EmailRule} is kept only here, in {@code invalidEmail}, never in the event. The use cases read it
 * as a {@link StoredLead}.
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
        LeadOutbox outbox,
        List<String> warnings,
        String invalidEmail)
        implements StoredLead {

    /** A lead without warnings. */
    public LeadDocument(
            String id,
            LeadStatus status,
            String origin,
            String sessionId,
            String phone,
            Instant receivedAt,
            LeadReceived received,
            LeadOutbox outbox) {
        this(id, status, origin, sessionId, phone, receivedAt, received, outbox, null, null);
    }
}
