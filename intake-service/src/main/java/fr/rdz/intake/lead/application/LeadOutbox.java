package fr.rdz.intake.lead.application;

import java.time.Instant;

/**
 * A stored lead's own outbox: the envelope of its {@code LeadReceived} fixed at insert, and whether it is published.
 *
 * @param eventId the envelope's {@code event_id}, the same on every retry
 * @param occurredAt the envelope's {@code occurred_at}
 * @param state {@link #PENDING}, {@link #PUBLISHED} or {@link #NOT_PUBLISHED} (a double submit, kept for audit only)
 * @param publishedAt when the broker acknowledged it (null until then)
 */
public record LeadOutbox(String eventId, Instant occurredAt, String state, Instant publishedAt) {

    public static final String PENDING = "pending";
    public static final String PUBLISHED = "published";
    public static final String NOT_PUBLISHED = "not_published";

    public boolean isPending() {
        return PENDING.equals(state);
    }
}
