package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.routing.lead.application.LeadLookups;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.lead.domain.NameWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * {@code lp:LP-001}, {@code name:helene}: each word of the nom and prénom, {@link NameWords}, and the same
 * word within the lead's entity, {@code name@ZR7:helene}, for an operator scoped to one entity) listing the
 * ids of its leads in the order they were stored ({@code ids}) and their number ({@code n}). The lead
 * search reads it by {@code _id} instead of scanning the leads (the Mongo stand-in keeps only unique
 * indexes), and a page of a key alone reads only that page's ids ({@link #newest}).
 * Written when a lead is stored (idempotent: {@code $addToSet}, and {@code n} counts only an id that
 * was not there yet); its personal keys (phone, e-mail, name words) are dropped when the lead is
 * erased. Back-filled once at start-up on a database stored without it (marker {@code lead_lookup_v3}:
 * a database back-filled by v1, without name keys nor {@code n}, or by v2, without the entity's name keys,
 * is rebuilt once).
 */
@Component
public class LeadLookupProjector implements LeadLookups, InitializingBean {

    public static final String COLLECTION = "lead_lookup";
    static final String MARKER = "lead_lookup_v3";
    private static final Logger log = LoggerFactory.getLogger(LeadLookupProjector.class);

    private final ReactiveMongoTemplate mongo;

    public LeadLookupProjector(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds the lead to the lookups of its phone, e-mail, form and LP. */
    @Override
    public Mono<Void> index(StoredLead doc) {
        if (doc.erased() || doc.lead() == null) {
            return Mono.empty();
        }
        // the keys are distinct documents: written side by side; per key, the count follows its list
        return Flux.fromIterable(keys(doc.lead()))
                .flatMap(key -> mongo.upsert(
                                Query.query(Criteria.where("_id").is(key)),
                                new Update().addToSet("ids", doc.id()),
                                COLLECTION)
                        .filter(r -> r.getUpsertedId() != null || r.getModifiedCount() > 0)
                        .flatMap(added -> count(key, 1)))
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
                                Query.query(Criteria.where("_id").is(key)),
                                new Update().pull("ids", leadId),
                                COLLECTION)
                        .filter(r -> r.getModifiedCount() > 0)
                        .flatMap(removed -> count(key, -1)))
                .then();
    }

    private Mono<Void> count(String key, int delta) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().inc("n", delta), COLLECTION)
                .then();
    }

    /**
     * One page of a key's leads, newest stored first: the ids at positions {@code skip} to {@code skip + limit}
     * of the list read from its end, and the key's size ({@code n}), without reading the rest of the list
     * ({@code $slice}). Empty when the key has no lead; null size when the key has no count (a list kept
     * before {@code n}, never after the v2 back-fill): the caller then reads the whole list.
     */
    public Mono<Slice> newest(String kind, String value, long skip, int limit) {
        long end = skip + limit;
        Query query = Query.query(Criteria.where("_id").is(key(kind, value)));
        // the last `end` ids (a [skip, limit] slice reaching before the list's start fails on the stand-in)
        query.fields().include("n").slice("ids", (int) -Math.min(end, Integer.MAX_VALUE));
        return mongo.findOne(query, Document.class, COLLECTION)
                .map(d -> {
                    Number n = d.get("n", Number.class);
                    if (n == null) {
                        return new Slice(List.of(), null);
                    }
                    List<String> got = d.getList("ids", String.class, List.of());
                    long size = n.longValue();
                    // the slice holds the positions max(0, size - end) to size; the page ends at size - skip
                    long wanted = Math.max(0, size - skip) - Math.max(0, size - end);
                    List<String> page = new ArrayList<>(got.subList(0, (int) Math.min(got.size(), wanted)));
                    java.util.Collections.reverse(page);
                    return new Slice(page, size);
                })
                .defaultIfEmpty(new Slice(List.of(), 0L));
    }

    /** A page of a key's ids, newest first, and the number of ids of the key (null: not counted). */
    public record Slice(List<String> ids, Long size) {}

    /** The ids of the leads stored with this value, oldest first (empty when none). */
    public Mono<List<String>> ids(String kind, String value) {
        return mongo.findById(key(kind, value), Document.class, COLLECTION)
                .map(d -> d.getList("ids", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    /** The kind of the name keys of one entity's leads: {@code name@ZR7}; {@code name} for every entity. */
    public static String nameKind(Optional<Entity> only) {
        return only.map(e -> "name@" + e.name()).orElse("name");
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
        if (lead.contact() != null) {
            List<String> words =
                    NameWords.ofPerson(lead.contact().nom(), lead.contact().prenom());
            words.forEach(word -> keys.add(key("name", word)));
            if (lead.entity() != null) {
                String kind = nameKind(Optional.of(lead.entity()));
                words.forEach(word -> keys.add(key(kind, word)));
            }
        }
        return keys;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Back-fill: once (marker {@code read_models/lead_lookup_v3}), from every stored lead, before listeners consume. */
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
                                .map(e -> new Document("_id", e.getKey())
                                        .append("ids", e.getValue())
                                        .append("n", e.getValue().size()))
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
