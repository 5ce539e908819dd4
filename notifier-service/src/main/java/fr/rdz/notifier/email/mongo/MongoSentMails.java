package fr.rdz.notifier.email.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.PlannedLead;
import fr.rdz.notifier.email.application.BatchInProgress;
import fr.rdz.notifier.email.application.SentMails;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@link SentMails} on reactive Mongo. Called from Kafka listener threads (never an event loop),
 * so each call waits for its single-document write.
 */
@Repository
class MongoSentMails implements SentMails {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    MongoSentMails(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public SentMail find(String batchId) {
        SentMailDocument doc = mongo.findById(batchId, SentMailDocument.class).block(TIMEOUT);
        return doc == null ? null : doc.toDomain();
    }

    @Override
    public int claim(DeliveryPlanned batch, SentMail seen, String messageId, Instant now, Instant leaseUntil) {
        if (seen == null) {
            try {
                mongo.insert(fresh(batch, SentMailState.SENDING, 1, leaseUntil, messageId, now))
                        .block(TIMEOUT);
                return 1;
            } catch (DuplicateKeyException e) {
                throw new BatchInProgress(batch.batchId());
            }
        }
        Query unchanged = Query.query(where("_id")
                .is(batch.batchId())
                .and("state")
                .is(seen.state())
                .and("attempts")
                .is(seen.attempts()));
        Update take = new Update()
                .set("state", SentMailState.SENDING)
                .set("lease_until", leaseUntil)
                .set("message_id", messageId)
                .set("updated_at", now)
                .inc("attempts", 1);
        SentMailDocument taken = mongo.findAndModify(
                        unchanged, take, FindAndModifyOptions.options().returnNew(true), SentMailDocument.class)
                .block(TIMEOUT);
        if (taken == null) {
            throw new BatchInProgress(batch.batchId());
        }
        return taken.attempts();
    }

    @Override
    public void markSent(String batchId, Instant at, UUID outcomeEventId) {
        update(
                batchId,
                new Update()
                        .set("state", SentMailState.SENT)
                        .set("sent_at", at)
                        .set("updated_at", at)
                        .set("lease_until", null)
                        .set("last_error", null)
                        .set("outcome_event_id", outcomeEventId.toString())
                        .set("outcome_published", false));
    }

    @Override
    public void markFailed(String batchId, String reason, Instant at) {
        update(
                batchId,
                new Update()
                        .set("state", SentMailState.FAILED)
                        .set("last_error", reason)
                        .set("lease_until", null)
                        .set("updated_at", at));
    }

    @Override
    public SentMail markDeadLettered(DeliveryPlanned batch, String reason, Instant at, UUID outcomeEventId) {
        Update dead = new Update()
                .set("state", SentMailState.FAILED)
                .set("last_error", reason)
                .set("lease_until", null)
                .set("updated_at", at)
                .set("dead_lettered", true)
                .set("dead_lettered_at", at)
                .set("outcome_event_id", outcomeEventId.toString())
                .set("outcome_published", false)
                .setOnInsert("run_id", batch.runId())
                .setOnInsert("entity", batch.entity().name())
                .setOnInsert("product", batch.product().name())
                .setOnInsert("client_id", batch.client().id())
                .setOnInsert(
                        "lead_ids",
                        batch.leads().stream().map(l -> l.lead().leadId()).toList())
                .setOnInsert("attempts", 0)
                .setOnInsert("created_at", at);
        SentMailDocument doc = mongo.findAndModify(
                        byId(batch.batchId()),
                        dead,
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        SentMailDocument.class)
                .block(TIMEOUT);
        return doc.toDomain();
    }

    @Override
    public void markOutcomePublished(String batchId) {
        update(batchId, new Update().set("outcome_published", true));
    }

    private void update(String batchId, Update update) {
        mongo.updateFirst(byId(batchId), update, SentMailDocument.class).block(TIMEOUT);
    }

    private static Query byId(String batchId) {
        return Query.query(where("_id").is(batchId));
    }

    private static SentMailDocument fresh(
            DeliveryPlanned batch,
            SentMailState state,
            int attempts,
            Instant leaseUntil,
            String messageId,
            Instant now) {
        return new SentMailDocument(
                batch.batchId(),
                batch.runId(),
                batch.entity().name(),
                batch.product().name(),
                batch.client().id(),
                batch.leads().stream()
                        .map(PlannedLead::lead)
                        .map(l -> l.leadId())
                        .toList(),
                state,
                attempts,
                leaseUntil,
                messageId,
                null,
                now,
                now,
                null,
                false,
                null,
                null,
                false);
    }
}
