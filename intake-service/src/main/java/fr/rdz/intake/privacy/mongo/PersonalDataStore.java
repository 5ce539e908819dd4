package fr.rdz.intake.privacy.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.lead.mongo.SubmitGuardDocument;
import fr.rdz.intake.privacy.application.PersonalData;
import fr.rdz.intake.tracking.mongo.TrackingEventDocument;
import fr.rdz.intake.tracking.mongo.VisitorLpSessionDocument;
import fr.rdz.intake.tracking.mongo.VisitorSessionDocument;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The personal data intake holds, and how it is erased (erasure of a person and retention limit
 * alike). A lead is kept with its id, status, times, entity, product, département, project answers,
 * source and consent flag/text/page, flagged {@code erased}; its phone, name, e-mail, address and
 * the IP and browser of its consent proof are gone, and so are the IP, browser, visitor id and
 * referrer of its session and of that session's tracking events. Every query is an equality or a
 * range on one indexed field (no {@code $in}: a scan on the local wire server).
 */
@Component
public class PersonalDataStore implements PersonalData<LeadDocument> {

    static final String ERASED = "erased";

    /** What identifies a visitor in a session or a tracking event. */
    private static final Update VISITOR_ERASED = new Update()
            .unset("ip")
            .unset("userAgent")
            .unset("visitorId")
            .unset("referrer")
            .set(ERASED, true);

    private final ReactiveMongoTemplate mongo;

    public PersonalDataStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The leads of {@code phone} received up to {@code upTo} that still hold it (an erased lead no longer does). */
    @Override
    public Flux<LeadDocument> leadsOf(String phone, Instant upTo) {
        return mongo.find(Query.query(where("phone").is(phone).and("receivedAt").lte(upTo)), LeadDocument.class);
    }

    /** At most {@code limit} leads received before {@code before} and not erased yet. */
    @Override
    public Flux<LeadDocument> receivedBefore(Instant before, int limit) {
        return mongo.find(
                Query.query(where("receivedAt").lt(before).and(ERASED).ne(true)).limit(limit), LeadDocument.class);
    }

    /**
     * Erases the personal data of one lead: its session and the session's tracking events first,
     * its double-submit guard, then the lead itself (last, so that a crash half-way leaves the lead
     * findable and the next attempt redoes everything). True when the lead document changed.
     */
    @Override
    public Mono<Boolean> erase(LeadDocument lead, Instant at) {
        Update update = new Update()
                .unset("phone")
                .unset("invalidEmail")
                .set(ERASED, true)
                .set("erasedAt", at);
        if (lead.received() != null && lead.received().lead() != null) {
            update.set("received.lead", lead.received().lead().erased());
        }
        Mono<Void> visitor = lead.sessionId() == null
                ? Mono.empty()
                : mongo.updateFirst(
                                Query.query(where("_id").is(lead.sessionId())),
                                VISITOR_ERASED,
                                VisitorSessionDocument.class)
                        .then(mongo.updateMulti(
                                Query.query(where("sessionId").is(lead.sessionId())),
                                VISITOR_ERASED,
                                TrackingEventDocument.class))
                        // its visitor+LP pointer holds the visitor id in its key
                        .then(mongo.remove(
                                Query.query(where("sessionId").is(lead.sessionId())), VisitorLpSessionDocument.class))
                        .then();
        return visitor.then(mongo.remove(Query.query(where("leadId").is(lead.id())), SubmitGuardDocument.class))
                .then(mongo.updateFirst(Query.query(where("_id").is(lead.id())), update, LeadDocument.class))
                .map(result -> result.getModifiedCount() > 0);
    }

    /**
     * Deletes the quarantined bodies (refused requests, kept raw) that hold this phone's nine
     * significant digits, as {@code 0612345678}, {@code +33612345678} or {@code 0033612345678}
     * would. Best effort: a body holding the number with spaces is not recognised; the
     * retention limit deletes it in any case.
     */
    @Override
    public Mono<Long> deleteQuarantinedWith(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() != 10 || digits.charAt(0) != '0') {
            return Mono.just(0L);
        }
        return mongo.remove(
                        Query.query(where("body").regex(Pattern.quote(digits.substring(1)))), QuarantineDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Deletes the visitor sessions opened before {@code before}. */
    @Override
    public Mono<Long> deleteSessionsBefore(Instant before) {
        return mongo.remove(Query.query(where("createdAt").lt(before)), VisitorLpSessionDocument.class)
                .then(mongo.remove(Query.query(where("createdAt").lt(before)), VisitorSessionDocument.class))
                .map(r -> r.getDeletedCount());
    }

    /** Deletes the tracking events recorded before {@code before}. */
    @Override
    public Mono<Long> deleteTrackingBefore(Instant before) {
        return mongo.remove(Query.query(where("createdAt").lt(before)), TrackingEventDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Deletes the quarantined bodies received before {@code before}. */
    @Override
    public Mono<Long> deleteQuarantineBefore(Instant before) {
        return mongo.remove(Query.query(where("receivedAt").lt(before)), QuarantineDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
