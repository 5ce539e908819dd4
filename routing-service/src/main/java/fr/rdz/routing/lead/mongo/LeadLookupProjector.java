package fr.rdz.routing.lead.mongo;

import fr.rdz.events.LeadData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code lead_lookup}, the lead search's read model: one document per searched value
 * ({@code _id} {@code phone:0612345678}, {@code email:lea@example.fr} lower-cased, {@code form:PV-001},
 * {@code lp:LP-001}) listing the ids of its leads in the order they were stored. The lead search reads
 * it by {@code _id} instead of scanning the leads (the Mongo stand-in keeps only unique indexes).
 * Written when a lead is stored (idempotent: {@code $addToSet}); its personal keys (phone, e-mail) are
 * dropped when the lead is erased. Back-filled once at start-up on a database stored without it.
 */
@Component
public class LeadLookupProjector implements InitializingBean {

    public static final String COLLECTION = "lead_lookup";
    static final String MARKER = "lead_lookup_v1";
    private static final Logger log = LoggerFactory.getLogger(LeadLookupProjector.class);

    private final ReactiveMongoTemplate mongo;

    public LeadLookupProjector(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds the lead to the lookups of its phone, e-mail, form and LP. */
    public Mono<Void> index(LeadDocument doc) {
        if (doc.erased() || doc.lead() == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(keys(doc.lead()))
                .concatMap(key -> mongo.upsert(
                        Query.query(Criteria.where("_id").is(key)), new Update().addToSet("ids", doc.id()), COLLECTION))
                .then();
    }

    /**
     * The lead {@code leadId} ({@code lead}: as stored, null when none) leaves the lookups of its personal data
     * (erasure): its phone's and e-mail's.
     */
    public Mono<Void> forget(String leadId, LeadData lead) {
        if (lead == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(personalKeys(lead))
                .concatMap(key -> mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(key)), new Update().pull("ids", leadId), COLLECTION))
                .then();
    }

    /** The ids of the leads stored with this value, oldest first (empty when none). */
    public Mono<List<String>> ids(String kind, String value) {
        return mongo.findById(key(kind, value), Document.class, COLLECTION)
                .map(d -> d.getList("ids", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    public static String key(String kind, String value) {
        return kind + ":" + ("email".equals(kind) ? value.trim().toLowerCase(Locale.ROOT) : value.trim());
    }

    static List<String> keys(LeadData lead) {
        List<String> keys = new ArrayList<>(personalKeys(lead));
        if (lead.source() != null && notBlank(lead.source().formCode())) {
            keys.add(key("form", lead.source().formCode()));
        }
        if (lead.source() != null && notBlank(lead.source().lpCode())) {
            keys.add(key("lp", lead.source().lpCode()));
        }
        return keys;
    }

    private static List<String> personalKeys(LeadData lead) {
        List<String> keys = new ArrayList<>();
        if (lead.contact() != null && notBlank(lead.contact().phone())) {
            keys.add(key("phone", lead.contact().phone()));
        }
        if (lead.contact() != null && notBlank(lead.contact().email())) {
            keys.add(key("email", lead.contact().email()));
        }
        return keys;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Back-fill: once (marker {@code read_models/lead_lookup_v1}), from every stored lead, before listeners consume. */
    @Override
    public void afterPropertiesSet() {
        mongo.findById(MARKER, Document.class, "read_models")
                .hasElement()
                .flatMap(done -> done ? Mono.empty() : rebuild())
                .block(Duration.ofMinutes(10));
    }

    Mono<Void> rebuild() {
        Map<String, List<String>> lookups = new LinkedHashMap<>();
        Query all = new Query();
        all.fields().include("lead").include("erased");
        return mongo.find(all, LeadDocument.class)
                .filter(doc -> !doc.erased() && doc.lead() != null)
                .doOnNext(doc -> keys(doc.lead()).forEach(k -> lookups.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(doc.id())))
                .count()
                .flatMap(count -> mongo.remove(new Query(), COLLECTION)
                        .thenMany(Flux.fromIterable(lookups.entrySet())
                                .map(e -> new Document("_id", e.getKey()).append("ids", e.getValue()))
                                .buffer(1000)
                                .concatMap(b -> mongo.insert(b, COLLECTION)))
                        .then(mongo.insert(new Document("_id", MARKER), "read_models")
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                        .doOnSuccess(x -> {
                            if (count > 0) {
                                log.info("lead lookups back-filled from {} leads ({} keys)", count, lookups.size());
                            }
                        }))
                .then();
    }
}
