package fr.rdz.notifier.email.mongo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.notifier.email.application.FailedMails;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link FailedMails} on reactive Mongo: collection {@code failed_mails}, {@code _id} = batch id. The
 * batch ({@code DeliveryPlanned}, whole leads) is kept as JSON in {@code batch} while the e-mail is still
 * to send and removed once it is sent. The writes of the Kafka path wait for Mongo (listener threads).
 */
@Repository
class MongoFailedMails implements FailedMails {

    private static final Logger log = LoggerFactory.getLogger(MongoFailedMails.class);
    static final String COLLECTION = "failed_mails";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    MongoFailedMails(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void deadLettered(DeliveryPlanned batch, String reason, int attempts, Instant at) {
        String json;
        try {
            json = EventCodec.mapper().writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch " + batch.batchId() + " cannot be kept for a replay", e);
        }
        Bson update = Updates.combine(
                Updates.set("run_id", batch.runId()),
                Updates.set(
                        "run_date",
                        batch.runDate() == null ? null : batch.runDate().toString()),
                Updates.set("entity", batch.entity().name()),
                Updates.set("product", batch.product().name()),
                Updates.set("client_id", batch.client().id()),
                Updates.set("client_name", batch.client().name()),
                Updates.set("lead_count", batch.leads().size()),
                Updates.set("reason", reason),
                Updates.set("attempts", attempts),
                Updates.set("dead_lettered_at", Date.from(at)),
                Updates.set("status", OPEN),
                Updates.unset("sent_at"),
                Updates.set("batch", json),
                Updates.set(
                        "phone_hashes",
                        batch.leads().stream()
                                .map(l -> l.lead().contact() == null
                                        ? null
                                        : l.lead().contact().phone())
                                .filter(java.util.Objects::nonNull)
                                .map(fr.rdz.events.Pii::phoneHash)
                                .distinct()
                                .toList()),
                Updates.set(
                        "first_received_at",
                        batch.leads().stream()
                                .map(l -> l.lead().receivedAt())
                                .filter(java.util.Objects::nonNull)
                                .min(Instant::compareTo)
                                .map(Date::from)
                                .orElse(Date.from(at))),
                Updates.setOnInsert("replay_count", 0));
        collection()
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", batch.batchId()),
                        update,
                        new com.mongodb.client.model.UpdateOptions().upsert(true))))
                .block(TIMEOUT);
    }

    /**
     * Marks the batch's failed mail sent, if it has one not sent yet: read by {@code _id} (called for every e-mail
     * sent, nearly always with no failed mail), then written where its status is still the one read (the unique
     * index {@code status_cas} on exactly {@code _id} and {@code status}: a lookup on the Mongo stand-in; until issue
     * 17 one update filtered on {@code _id} and {@code status $ne}, a scan of every failed mail per e-mail sent).
     */
    @Override
    public void sent(String batchId, Instant at) {
        markSent(batchId, at).block(TIMEOUT);
    }

    private Mono<Void> markSent(String batchId, Instant at) {
        return collection()
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId))
                                .projection(new Document("status", 1))
                                .first())
                        .filter(d -> !SENT.equals(d.getString("status")))
                        .flatMap(d -> Mono.from(c.updateOne(
                                withStatus(batchId, d.getString("status")),
                                Updates.combine(
                                        Updates.set("status", SENT),
                                        Updates.set("sent_at", Date.from(at)),
                                        Updates.unset("batch"),
                                        Updates.unset("phone_hashes"))))))
                // changed since it was read: read it again
                .flatMap(r -> r.getModifiedCount() == 0 ? markSent(batchId, at) : Mono.empty());
    }

    /** Exactly {@code _id} and {@code status}: the fields of the unique index {@code status_cas}. */
    private static Document withStatus(String batchId, String status) {
        return new Document("_id", batchId).append("status", status);
    }

    @Override
    public Mono<Void> replayed(String batchId, String operator, String result, Instant at) {
        return collection()
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                                Filters.eq("_id", batchId),
                                Updates.combine(
                                        Updates.set("replayed_at", Date.from(at)),
                                        Updates.set("replayed_by", operator),
                                        Updates.set("last_replay_result", result),
                                        Updates.inc("replay_count", 1)),
                                new FindOneAndUpdateOptions()))
                        .then(Mono.from(c.updateOne(withStatus(batchId, OPEN), Updates.set("status", REPLAYED)))))
                .then();
    }

    @Override
    public Flux<String> withPhone(String phoneHash) {
        return ids(Filters.and(Filters.eq("phone_hashes", phoneHash), Filters.exists("batch")), 0);
    }

    @Override
    public Flux<String> receivedBefore(Instant limit, int pageSize) {
        return ids(Filters.and(Filters.lt("first_received_at", Date.from(limit)), Filters.exists("batch")), pageSize);
    }

    @Override
    public Mono<Boolean> erase(String batchId, Instant at) {
        return collection()
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", batchId), Filters.exists("batch")),
                        Updates.combine(
                                Updates.unset("batch"),
                                Updates.unset("phone_hashes"),
                                Updates.set("erased_at", Date.from(at))))))
                .flatMap(r -> r.getModifiedCount() == 1
                        ? collection()
                                .flatMap(c -> Mono.from(c.updateOne(
                                        Filters.and(Filters.eq("_id", batchId), Filters.ne("status", SENT)),
                                        Updates.set("status", ERASED))))
                                .thenReturn(true)
                        : Mono.just(false));
    }

    private Flux<String> ids(Bson filter, int limit) {
        return collection()
                .flatMapMany(c -> Flux.from(
                        c.find(filter).projection(new Document("_id", 1)).limit(limit)))
                .map(d -> d.getString("_id"));
    }

    @Override
    public Flux<FailedMail> list(Filter filter) {
        List<Bson> criteria = new ArrayList<>();
        if (filter.clientId() != null) {
            criteria.add(Filters.eq("client_id", filter.clientId()));
        }
        if (filter.entity() != null) {
            criteria.add(Filters.eq("entity", filter.entity().name()));
        }
        if (filter.status() != null) {
            criteria.add(Filters.eq("status", filter.status()));
        }
        if (filter.from() != null) {
            criteria.add(Filters.gte("run_date", filter.from().toString()));
        }
        if (filter.to() != null) {
            criteria.add(Filters.lte("run_date", filter.to().toString()));
        }
        Bson query = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        return collection()
                .flatMapMany(c -> Flux.from(
                        c.find(query).sort(Sorts.descending("dead_lettered_at")).limit(500)))
                .flatMap(this::toFailedMail);
    }

    @Override
    public Mono<FailedMail> find(String batchId) {
        return collection()
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId)).first()))
                .flatMap(this::toFailedMail);
    }

    private Mono<FailedMail> toFailedMail(Document d) {
        DeliveryPlanned batch = null;
        String json = d.getString("batch");
        if (json != null) {
            try {
                batch = EventCodec.mapper().readValue(json, DeliveryPlanned.class);
            } catch (JsonProcessingException e) {
                log.error(
                        "failed mail {}: its batch cannot be read back: {}",
                        d.getString("_id"),
                        e.getOriginalMessage());
            }
        }
        String runDate = d.getString("run_date");
        return Mono.just(new FailedMail(
                d.getString("_id"),
                d.getString("run_id"),
                runDate == null ? null : LocalDate.parse(runDate),
                d.getString("entity") == null ? null : Entity.valueOf(d.getString("entity")),
                d.getString("product"),
                d.getString("client_id"),
                d.getString("client_name"),
                d.getInteger("lead_count", 0),
                d.getString("reason"),
                d.getInteger("attempts", 0),
                instant(d, "dead_lettered_at"),
                d.getString("status"),
                instant(d, "replayed_at"),
                d.getString("replayed_by"),
                d.getInteger("replay_count", 0),
                d.getString("last_replay_result"),
                instant(d, "sent_at"),
                batch));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private Mono<com.mongodb.reactivestreams.client.MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
