package fr.rdz.routing.lead.mongo;

import static fr.rdz.routing.lead.application.SearchingLeads.TOTAL_CAP;

import fr.rdz.events.Entity;
import fr.rdz.routing.lead.application.LeadSearch;
import fr.rdz.routing.lead.application.NameMatch;
import fr.rdz.routing.lead.application.PhoneNumbers;
import fr.rdz.routing.lead.application.SearchableLeads;
import fr.rdz.routing.lead.application.SearchingLeads;
import fr.rdz.routing.lead.application.SearchingLeads.Page;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.lead.domain.NameWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link SearchableLeads} in {@code leads} ({@link LeadDocument}) and {@code lead_lookup} ({@link LeadLookupProjector}):
 * the lookups' ids by {@code _id}, the search's query over the leads (newest recorded first, its total counted up
 * to {@link SearchingLeads#TOTAL_CAP}) and the records of a lookup read by {@code _id} in slices. The queries are
 * the ones {@link SearchingLeads} sent itself before it talked to this port.
 */
@Component
public class MongoSearchableLeads implements SearchableLeads {

    /** Records read by {@code _id} at once when a lookup designates the candidates. */
    private static final int LOOKUP_SLICE = 500;

    private final ReactiveMongoTemplate mongo;
    private final LeadLookupProjector lookups;
    private final LeadsByKey byKey;

    public MongoSearchableLeads(ReactiveMongoTemplate mongo, LeadLookupProjector lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.byKey = new LeadsByKey(mongo, lookups);
    }

    @Override
    public Optional<Mono<SearchingLeads.Page>> byKeyAlone(
            LeadSearch search, Optional<Entity> only, int page, int size) {
        return Optional.ofNullable(byKey.page(search, only, page, size));
    }

    @Override
    public Optional<Mono<List<String>>> sharedByKeys(LeadSearch search, Optional<Entity> only) {
        return Optional.ofNullable(byKey.sharedIds(search, only));
    }

    @Override
    public Mono<List<String>> ids(String kind, String value) {
        return lookups.ids(kind, value);
    }

    @Override
    public Mono<Page> byQuery(LeadSearch search, Optional<Entity> only, int page, int size, boolean useLookups) {
        Criteria c = new Criteria();
        only.ifPresent(e -> c.and("lead.entity").is(e));
        List<Criteria> all = new ArrayList<>();
        if (notBlank(search.status())) {
            String s = search.status().trim().toLowerCase();
            if ("erased".equals(s)) {
                c.and("erased").is(true);
            } else {
                all.add(new Criteria()
                        .orOperator(
                                Criteria.where("status").is(s),
                                Criteria.where("intakeStatus").is(s),
                                Criteria.where("routingState").is(s)));
            }
        }
        if (notBlank(search.name())) {
            for (String word : NameWords.of(search.name())) {
                Pattern p = Pattern.compile(NameMatch.pattern(word), Pattern.CASE_INSENSITIVE);
                all.add(new Criteria()
                        .orOperator(
                                Criteria.where("lead.contact.nom").regex(p),
                                Criteria.where("lead.contact.prenom").regex(p)));
            }
        }
        if (notBlank(search.email())) {
            String e = search.email().trim();
            String regex = e.contains("@") ? "^" + Pattern.quote(e) + "$" : Pattern.quote(e);
            c.and("lead.contact.email").regex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
        if (notBlank(search.departement())) {
            c.and("lead.contact.departement").is(search.departement());
        }
        if (notBlank(search.client())) {
            c.and("deliveries.clientId").is(search.client());
        }
        if (notBlank(search.commande())) {
            c.and("deliveries.commandeId").is(search.commande());
        }
        if (notBlank(search.qualityTier())) {
            c.and("qualityTier").is(search.qualityTier());
        }
        if (!all.isEmpty()) {
            c.andOperator(all.toArray(Criteria[]::new));
        }
        if (notBlank(search.phone())) {
            c.and("lead.contact.phone").is(PhoneNumbers.normalise(search.phone()));
        }
        if (notBlank(search.from()) || notBlank(search.to())) {
            Criteria received = c.and("lead.receivedAt");
            if (notBlank(search.from())) {
                received.gte(SearchingLeads.instant(search.from(), false, "from"));
            }
            if (notBlank(search.to())) {
                received.lt(SearchingLeads.instant(search.to(), true, "to"));
            }
        }
        if (search.product() != null) {
            c.and("lead.product").is(search.product());
        }
        if (notBlank(search.form())) {
            c.and("lead.source.formCode").is(search.form().trim());
        }
        if (notBlank(search.lp())) {
            c.and("lead.source.lpCode").is(search.lp().trim());
        }
        if (notBlank(search.utmSource())) {
            c.and("lead.source.utmSource").is(search.utmSource().trim());
        }
        if (notBlank(search.utmCampaign())) {
            c.and("lead.source.utmCampaign").is(search.utmCampaign().trim());
        }
        // The Mongo stand-in keeps no secondary index: a sort on receivedAt would sort every match. The
        // records are read newest-recorded first ($natural descending, which stops after the page),
        // and the page is then ordered by reception time.
        Query query = Query.query(c)
                .with(Sort.by(Sort.Direction.DESC, "$natural"))
                .skip((long) page * size)
                .limit(size);
        query.fields().exclude("history").exclude("outbox").exclude("exclusions");
        return mongo.find(query, LeadDocument.class).collectList().flatMap(items -> {
            List<LeadDocument> sorted = items.stream()
                    .sorted(Comparator.comparing(
                            (LeadDocument d) -> d.lead().receivedAt(), Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            if (!items.isEmpty() && items.size() < size) {
                return Mono.just(new Page(sorted, (long) page * size + items.size(), false, page, size));
            }
            Mono<Long> total = useLookups && c.getCriteriaObject().isEmpty()
                    // no criterion, no entity scope: every record matches, and the count of the
                    // collection is answered without reading it (countUpTo reads up to TOTAL_CAP ids)
                    ? mongo.estimatedCount("leads").map(n -> Math.min(n, TOTAL_CAP))
                    : countUpTo(c, TOTAL_CAP);
            return total.map(n -> new Page(sorted, n, n >= TOTAL_CAP, page, size));
        });
    }

    /**
     * The page among the records of {@code ids} (oldest stored first) that match, read by {@code _id}
     * newest stored first in slices: the same page and total as the query, without scanning the leads
     * (a search one key answers alone is {@link LeadsByKey}'s).
     */
    @Override
    public Mono<Page> lookedUp(List<String> ids, Predicate<StoredLead> match, int page, int size) {
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        long wanted = (long) page * size + size;
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i += LOOKUP_SLICE) {
            slices.add(newestFirst.subList(i, Math.min(newestFirst.size(), i + LOOKUP_SLICE)));
        }
        List<LeadDocument> matching = new ArrayList<>();
        long[] count = {0};
        return reactor.core.publisher.Flux.fromIterable(slices)
                .concatMap(slice -> {
                    Query query = Query.query(Criteria.where("_id").in(slice));
                    query.fields().exclude("history").exclude("outbox").exclude("exclusions");
                    return mongo.find(query, LeadDocument.class)
                            .collectMap(LeadDocument::id)
                            .map(found -> slice.stream()
                                    .map(found::get)
                                    .filter(d -> d != null && match.test(d))
                                    .toList());
                })
                .takeUntil(found -> {
                    for (LeadDocument d : found) {
                        if (count[0] >= (long) page * size && count[0] < wanted) {
                            matching.add(d);
                        }
                        count[0]++;
                    }
                    return count[0] >= Math.max(wanted, TOTAL_CAP);
                })
                .then(Mono.fromSupplier(() -> {
                    List<LeadDocument> sorted = matching.stream()
                            .sorted(Comparator.comparing(
                                    (LeadDocument d) -> d.lead().receivedAt(),
                                    Comparator.nullsLast(Comparator.reverseOrder())))
                            .toList();
                    if (!sorted.isEmpty() && sorted.size() < size) {
                        return new Page(sorted, (long) page * size + sorted.size(), false, page, size);
                    }
                    long total = Math.min(count[0], TOTAL_CAP);
                    return new Page(sorted, total, total >= TOTAL_CAP, page, size);
                }));
    }

    /** Counts matches, stopping at {@code cap} (a full count scans every record on the stand-in). */
    private Mono<Long> countUpTo(Criteria c, int cap) {
        Query ids = Query.query(c).limit(cap);
        ids.fields().include("_id");
        return mongo.find(ids, org.bson.Document.class, "leads").count();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
