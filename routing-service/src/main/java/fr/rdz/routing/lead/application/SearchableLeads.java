package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/** The port to the leads as operators search them: the lookups kept per phone, e-mail, form, LP and name word, and the records. */
public interface SearchableLeads {

    /** The ids a lookup keeps under {@code kind} ({@code phone}, {@code email}, {@code form}, {@code lp}) and value, oldest stored first (empty when none). */
    Mono<List<String>> ids(String kind, String value);

    /**
     * One page of the leads that meet every criterion of {@code search} (of {@code only} that entity when given),
     * newest recorded first then ordered by reception time, and their total up to {@link SearchingLeads#TOTAL_CAP}
     * ({@code capped} at it). {@code useLookups} false: the total is always a bounded count of the matches (the
     * reference the lookups must equal), never the collection's estimated size.
     */
    Mono<SearchingLeads.Page> byQuery(LeadSearch search, Optional<Entity> only, int page, int size, boolean useLookups);

    /**
     * The page among the records of {@code ids} (oldest stored first) that {@code match}, read by {@code _id} newest
     * stored first in slices: the same page and total as {@link #byQuery}, without scanning the leads.
     */
    Mono<SearchingLeads.Page> lookedUp(List<String> ids, Predicate<StoredLead> match, int page, int size);

    /**
     * The page when the keys of the lookups answer the search alone (by form or LP alone, for an operator of every
     * entity; by name, alone or with a form and an LP, of {@code only} that entity when given): only the page's ids and
     * records are read; empty when the keys do not answer it alone.
     */
    Optional<Mono<SearchingLeads.Page>> byKeyAlone(LeadSearch search, Optional<Entity> only, int page, int size);

    /**
     * The ids held by every key the search names: each word of its name as a whole word of nom or prénom (case and
     * accents ignored, of {@code only} that entity when given), its form, its LP; oldest stored first. Empty when the
     * search names none of them.
     */
    Optional<Mono<List<String>>> sharedByKeys(LeadSearch search, Optional<Entity> only);
}
