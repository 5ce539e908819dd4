package fr.rdz.routing.lead.mongo;

import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Once per database, at start and before any listener consumes: builds {@link PhoneFacts} from a
 * delivery ledger and rejections recorded before they existed, and keeps as {@link PendingLeadFact}s
 * the ledger lines and channel reports whose lead has no routing record yet. Scans, once (marker
 * {@code migrations/lead-facts-v1}); every write is idempotent, so an interrupted backfill is
 * simply done again.
 */
@Component
class LeadFactsBackfill implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LeadFactsBackfill.class);
    static final String MARKER = "lead-facts-v1";

    private final ReactiveMongoTemplate mongo;
    private final PhoneFactsStore phoneFacts;

    LeadFactsBackfill(ReactiveMongoTemplate mongo, PhoneFactsStore phoneFacts) {
        this.mongo = mongo;
        this.phoneFacts = phoneFacts;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.findById(MARKER, Document.class, "migrations")
                .hasElement()
                .flatMap(done -> done ? Mono.empty() : backfill())
                .block(Duration.ofHours(1));
    }

    private Mono<Void> backfill() {
        Mono<Long> ledger = mongo.find(Query.query(Criteria.where("phone").exists(true)), LedgerEntry.class)
                .concatMap(line -> phoneFacts.delivered(line).thenReturn(line))
                .concatMap(line -> pendingIfUnrouted(line.leadId(), PendingLeadFact.of(line)))
                .count();
        Mono<Long> rejections = mongo.find(
                        Query.query(Criteria.where("rejectedClientIds.0").exists(true)), LeadDocument.class)
                .filter(doc -> doc.lead() != null)
                .concatMap(doc -> Flux.fromIterable(doc.rejectedClientIds())
                        .concatMap(client -> phoneFacts.rejected(
                                doc.lead().phone(), doc.lead().product(), doc.id(), client)))
                .then(Mono.just(0L));
        Mono<Long> channels = mongo.findAll(ChannelHistory.class)
                .concatMap(report -> pendingIfUnrouted(report.leadId(), PendingLeadFact.of(report)))
                .count();
        return ledger.then(rejections)
                .then(channels)
                .then(mongo.insert(new Document("_id", MARKER).append("at", new Date()), "migrations")
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .doOnSuccess(v -> log.info("Phone facts and pending lead facts built from the ledger"))
                .then();
    }

    private Mono<Boolean> pendingIfUnrouted(String leadId, PendingLeadFact fact) {
        return mongo.exists(Query.query(Criteria.where("_id").is(leadId)), LeadDocument.class)
                .flatMap(routed -> routed ? Mono.just(false) : mongo.save(fact).thenReturn(true));
    }
}
