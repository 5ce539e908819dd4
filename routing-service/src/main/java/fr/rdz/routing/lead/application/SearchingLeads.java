package fr.rdz.routing.lead.application;

import fr.rdz.kit.Operator;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Lead search and detail for operators, always within the operator's entity scope. */
@Service
public class SearchingLeads {

    public static final int MAX_PAGE_SIZE = LeadSearch.MAX_SIZE;

    /** Totals above this are answered as this number, flagged {@code capped}. */
    public static final int TOTAL_CAP = 5_000;

    /** Records read by {@code _id} at once when a lookup designates the candidates. */
    private static final int LOOKUP_SLICE = 500;

    /** One page of results and the total number of matches ({@code capped}: at least {@code total}). */
    public record Page(List<LeadDocument> items, long total, boolean capped, int page, int size) {}

    private final ReactiveMongoTemplate mongo;
    private final LeadLookupProjector lookups;
    private final SearchingLeadsByKey byKey;

    public SearchingLeads(ReactiveMongoTemplate mongo, LeadLookupProjector lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.byKey = new SearchingLeadsByKey(mongo, lookups);
    }

    public Mono<LeadDocument> get(Operator operator, String leadId) {
        return mongo.findById(leadId, LeadDocument.class)
                .filter(doc -> Scope.visible(operator, doc.lead().entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no lead " + leadId)));
    }

    public Mono<Page> search(Operator operator, LeadSearch search) {
        return search(operator, search, true);
    }

    /**
     * {@code useLookups} false: always the query over the leads and a bounded count of its matches
     * (the reference the lookups and the collection count must equal).
     */
    Mono<Page> search(Operator operator, LeadSearch search, boolean useLookups) {
        int size = search.size() <= 0 ? LeadSearch.DEFAULT_SIZE : Math.min(search.size(), MAX_PAGE_SIZE);
        int page = Math.max(0, search.page());
        Scope.EntityFilter filter = Scope.filter(operator, search.entity());
        if (filter.none()) {
            return Mono.just(new Page(List.of(), 0, false, page, size));
        }
        Mono<Page> keyAlone = useLookups && filter.only().isEmpty() ? byKey.page(search, page, size) : null;
        if (keyAlone != null) {
            return keyAlone;
        }
        Mono<List<String>> candidates = useLookups ? candidates(search) : null;
        if (candidates != null) {
            boolean lookupOnly = filter.only().isEmpty() && search.onlyFormOrLp();
            return candidates.flatMap(ids ->
                    lookedUp(ids, new LeadSearchMatch(search, filter.only().orElse(null)), page, size, lookupOnly));
        }
        Criteria c = new Criteria();
        filter.only().ifPresent(e -> c.and("lead.entity").is(e));
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
            for (String word : fr.rdz.routing.lead.domain.NameWords.of(search.name())) {
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
                received.gte(instant(search.from(), false, "from"));
            }
            if (notBlank(search.to())) {
                received.lt(instant(search.to(), true, "to"));
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
     * The ids of the only leads that can match, from the most selective lookup the search allows
     * (phone, whole e-mail address, form, LP, name words: {@code lead_lookup}); null when none applies.
     */
    private Mono<List<String>> candidates(LeadSearch search) {
        if (notBlank(search.phone()) && PhoneNumbers.normalise(search.phone()) != null) {
            return lookups.ids("phone", PhoneNumbers.normalise(search.phone()));
        }
        if (notBlank(search.email()) && search.email().contains("@")) {
            return lookups.ids("email", search.email());
        }
        if (notBlank(search.form())) {
            return lookups.ids("form", search.form());
        }
        if (notBlank(search.lp())) {
            return lookups.ids("lp", search.lp());
        }
        if (notBlank(search.name())) {
            return byKey.nameCandidates(search.name());
        }
        return null;
    }

    /**
     * The page among the records of {@code ids} (oldest stored first) that match, read by {@code _id}
     * newest stored first in slices: the same page and total as the query, without scanning the leads.
     * {@code lookupOnly} (a search by form or LP alone, unscoped): every lead of the lookup matches
     * (a lead's form and LP never change, erasure keeps them), so the records are read only up to the
     * page and the total is the lookup's size (bounded by {@link #TOTAL_CAP}).
     */
    private Mono<Page> lookedUp(List<String> ids, LeadSearchMatch match, int page, int size, boolean lookupOnly) {
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        long wanted = (long) page * size + size;
        List<List<String>> slices = new ArrayList<>();
        // lookupOnly: every id matches, so the first `wanted` ids are the records to read
        int sliceSize = lookupOnly ? (int) Math.max(1, Math.min(LOOKUP_SLICE, wanted)) : LOOKUP_SLICE;
        for (int i = 0; i < newestFirst.size(); i += sliceSize) {
            slices.add(newestFirst.subList(i, Math.min(newestFirst.size(), i + sliceSize)));
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
                    return count[0] >= (lookupOnly ? wanted : Math.max(wanted, TOTAL_CAP));
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
                    long total = Math.min(lookupOnly ? Math.max(count[0], ids.size()) : count[0], TOTAL_CAP);
                    return new Page(sorted, total, total >= TOTAL_CAP, page, size);
                }));
    }

    /** Counts matches, stopping at {@code cap} (a full count scans every record on the stand-in). */
    private Mono<Long> countUpTo(Criteria c, int cap) {
        Query ids = Query.query(c).limit(cap);
        ids.fields().include("_id");
        return mongo.find(ids, org.bson.Document.class, "leads").count();
    }

    /** A date means its Paris day: {@code from} its start, {@code to} the start of the next day (so it is included). */
    static Instant instant(String value, boolean end, String name) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(BusinessTime.PARIS)
                        .toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid(name + " must be a date (2026-11-20) or an instant (2026-11-20T08:30:00Z)");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
