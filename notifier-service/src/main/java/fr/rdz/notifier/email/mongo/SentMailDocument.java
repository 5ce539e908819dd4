package fr.rdz.notifier.email.mongo;

import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Collection {@code sent_mails}: one document per batch, {@code _id} = batch id (the unique index
 * that makes a second e-mail for one batch impossible to claim). No personal data: ids, state,
 * counts and the failure reason (addresses masked).
 */
@Document("sent_mails")
public record SentMailDocument(
        @Id String batchId,
        @Field("run_id") String runId,
        @Field("entity") String entity,
        @Field("product") String product,
        @Field("client_id") String clientId,
        @Field("lead_ids") List<String> leadIds,
        @Field("state") SentMailState state,
        @Field("attempts") int attempts,
        @Field("lease_until") Instant leaseUntil,
        @Field("message_id") String messageId,
        @Field("last_error") String lastError,
        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt,
        @Field("sent_at") Instant sentAt,
        @Field("dead_lettered") boolean deadLettered,
        @Field("dead_lettered_at") Instant deadLetteredAt,
        @Field("outcome_event_id") String outcomeEventId,
        @Field("outcome_published") boolean outcomePublished) {

    static final String COLLECTION = "sent_mails";

    SentMail toDomain() {
        return new SentMail(
                batchId,
                state,
                attempts,
                leaseUntil,
                sentAt,
                outcomeEventId == null ? null : UUID.fromString(outcomeEventId),
                outcomePublished,
                deadLettered);
    }
}
