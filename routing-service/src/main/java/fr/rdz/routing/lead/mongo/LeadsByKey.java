package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Entity;
import fr.rdz.routing.lead.application.LeadSearch;
import fr.rdz.routing.lead.application.SearchingLeads;
import fr.rdz.routing.lead.application.SharedIds;
import fr.rdz.routing.lead.domain.NameWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lead searches one key of {@code lead_lookup} answers alone: by form alone or by LP alone, for an
 * operator of every entity; by name, alone or with a form and an LP, for any operator (an operator scoped to
 * one entity, or a search of one entity, reads that entity's name keys, {@code name@ZR7:helene}; a name with
 * a form or an LP keeps the ids their keys share). Every lead of the key matches (a lead's form and LP never
 * change; its name words are those of {@code NameMatch}, and an erased lead leaves them), so only the
 * page's ids are read from the key ({@link LeadLookupProjector#newest}), then only the page's records,
 * and the total is the key's size (bounded by {@link SearchingLeads#TOTAL_CAP}); a name of several words
 * reads each word's key and keeps the leads they share. Same page, order and total as the query over
 * every lead ({@code LeadLookupSearchTest}).
 */
final class LeadsByKey {

    private final ReactiveMongoTemplate mongo;
    private final LeadLookupProjector lookups;

    LeadsByKey(ReactiveMongoTemplate mongo, LeadLookupProjector lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
    }

    /** The page when a key alone answers the search ({@code only}: the entity it is restricted to), else null. */
    Mono<SearchingLeads.Page> page(LeadSearch search, Optional<Entity> only, int page, int size) {
        long skip = (long) page * size;
        if (search.onlyFormOrLp() && only.isEmpty()) {
            String kind = given(search.form()) ? "form" : "lp";
            String value = given(search.form()) ? search.form() : search.lp();
            return lookups.newest(kind, value, skip, size)
                    .flatMap(slice -> slice.size() == null
                            ? lookups.ids(kind, value).flatMap(all -> fromList(all, page, size))
                            : records(slice.ids(), slice.size(), page, size));
        }
        if (byKeysOnly(search)) {
            List<String> words = NameWords.of(search.name());
            boolean nameAlone = !given(search.form()) && !given(search.lp());
            if (nameAlone && words.size() == 1) {
                return lookups.newest(LeadLookupProjector.nameKind(only), words.get(0), skip, size)
                        .flatMap(slice -> slice.size() == null
                                ? sharedIds(search, only).flatMap(all -> fromList(all, page, size))
                                : records(slice.ids(), slice.size(), page, size));
            }
            return sharedIds(search, only).flatMap(all -> fromList(all, page, size));
        }
        return null;
    }

    /**
     * The ids held by every key of the search: its name words' (of {@code only} when given), its form's, its LP's;
     * oldest stored first (the order of each key). Null when the search names no such key.
     */
    Mono<List<String>> sharedIds(LeadSearch search, Optional<Entity> only) {
        String kind = LeadLookupProjector.nameKind(only);
        List<Mono<List<String>>> keys = new ArrayList<>();
        NameWords.of(search.name()).forEach(word -> keys.add(lookups.ids(kind, word)));
        if (given(search.form())) {
            keys.add(lookups.ids("form", search.form()));
        }
        if (given(search.lp())) {
            keys.add(lookups.ids("lp", search.lp()));
        }
        return keys.isEmpty() ? null : Flux.concat(keys).collectList().map(SharedIds::of);
    }

    private Mono<SearchingLeads.Page> fromList(List<String> oldestFirst, int page, int size) {
        long skip = (long) page * size;
        List<String> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        int from = (int) Math.min(newestFirst.size(), skip);
        int to = (int) Math.min(newestFirst.size(), skip + size);
        return records(newestFirst.subList(from, to), (long) oldestFirst.size(), page, size);
    }

    /** The records of the page's ids (newest stored first), ordered by reception time, newest first. */
    private Mono<SearchingLeads.Page> records(List<String> ids, long keySize, int page, int size) {
        Mono<Map<String, LeadDocument>> found;
        if (ids.isEmpty()) {
            found = Mono.just(Map.of());
        } else {
            Query query = Query.query(Criteria.where("_id").in(ids));
            query.fields().exclude("history").exclude("outbox").exclude("exclusions");
            found = mongo.find(query, LeadDocument.class).collectMap(LeadDocument::id, Function.identity());
        }
        return found.map(byId -> {
            List<LeadDocument> sorted = ids.stream()
                    .map(byId::get)
                    .filter(d -> d != null)
                    .sorted(Comparator.comparing(
                            (LeadDocument d) -> d.lead().receivedAt(), Comparator.nullsLast(Comparator.reverseOrder())))
                    .collect(Collectors.toList());
            if (!sorted.isEmpty() && sorted.size() < size) {
                return new SearchingLeads.Page(sorted, (long) page * size + sorted.size(), false, page, size);
            }
            long total = Math.min(keySize, SearchingLeads.TOTAL_CAP);
            return new SearchingLeads.Page(sorted, total, total >= SearchingLeads.TOTAL_CAP, page, size);
        });
    }

    /**
     * Whether the search is by name (with a word), with or without a form and an LP, and nothing else (entity, page
     * and size apart): every lead all its keys hold matches it (a lead's form and LP never change; an erased lead
     * leaves its name keys).
     */
    static boolean byKeysOnly(LeadSearch s) {
        return given(s.name())
                && !NameWords.of(s.name()).isEmpty()
                && s.product() == null
                && !given(s.status())
                && !given(s.phone())
                && !given(s.from())
                && !given(s.to())
                && !given(s.utmSource())
                && !given(s.utmCampaign())
                && !given(s.email())
                && !given(s.departement())
                && !given(s.client())
                && !given(s.commande())
                && !given(s.qualityTier());
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
