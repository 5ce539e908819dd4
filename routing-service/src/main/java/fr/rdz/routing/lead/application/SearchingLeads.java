package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Lead search and detail for operators, always within the operator's entity scope. */
@Service
public class SearchingLeads {

    public static final int MAX_PAGE_SIZE = LeadSearch.MAX_SIZE;

    /** Totals above this are answered as this number, flagged {@code capped}. */
    public static final int TOTAL_CAP = 5_000;

    /** One page of results and the total number of matches ({@code capped}: at least {@code total}). */
    public record Page(List<? extends StoredLead> items, long total, boolean capped, int page, int size) {}

    private final SearchableLeads leads;
    private final LeadRecords records;

    public SearchingLeads(SearchableLeads leads, LeadRecords records) {
        this.leads = leads;
        this.records = records;
    }

    public Mono<StoredLead> get(Operator operator, String leadId) {
        return records.byId(leadId)
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
        Optional<Mono<Page>> keyAlone =
                useLookups ? leads.byKeyAlone(search, filter.only(), page, size) : Optional.empty();
        if (keyAlone.isPresent()) {
            return keyAlone.get();
        }
        Mono<List<String>> candidates = useLookups ? candidates(search, filter.only()) : null;
        if (candidates != null) {
            return candidates.flatMap(ids -> leads.lookedUp(
                    ids, new LeadSearchMatch(search, filter.only().orElse(null)), page, size));
        }
        return leads.byQuery(search, filter.only(), page, size, useLookups);
    }

    /**
     * The ids of the only leads that can match, from the most selective lookups the search allows
     * ({@code lead_lookup}): its phone's or its whole e-mail address's, else the ids shared by the keys of its
     * form, LP and name words (those of {@code only} that entity when given); null when none applies.
     */
    private Mono<List<String>> candidates(LeadSearch search, Optional<Entity> only) {
        if (notBlank(search.phone()) && PhoneNumbers.normalise(search.phone()) != null) {
            return leads.ids("phone", PhoneNumbers.normalise(search.phone()));
        }
        if (notBlank(search.email()) && search.email().contains("@")) {
            return leads.ids("email", search.email());
        }
        return leads.sharedByKeys(search, only).orElse(null);
    }

    /** A date means its Paris day: {@code from} its start, {@code to} the start of the next day (so it is included). */
    public static Instant instant(String value, boolean end, String name) {
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
