package fr.rdz.routing.consent.application;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.application.Clients;
import fr.rdz.routing.catalog.application.CodeNumbers;
import fr.rdz.routing.consent.application.InvalidFields.FieldError;
import fr.rdz.routing.consent.domain.ConsentText;
import fr.rdz.routing.consent.domain.PartnerGroup;
import fr.rdz.routing.consent.domain.WordingHash;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consent texts of the catalog (spec §11): created once, never changed. A version given again
 * with the same terms answers the stored text; with other terms it is a conflict (a new wording
 * is a new version). Versions are generated ({@code CT-001}…) when absent.
 */
@Service
public class ManagingConsentTexts {

    static final String PREFIX = "CT";
    private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final ConsentTexts texts;
    private final Clients clients;
    private final CodeNumbers codes;
    private final Clock clock;

    public ManagingConsentTexts(ConsentTexts texts, Clients clients, CodeNumbers codes, Clock clock) {
        this.texts = texts;
        this.clients = clients;
        this.codes = codes;
        this.clock = clock;
    }

    /** The result of a creation: the text and whether it was created now (201) or already there (200). */
    public record Created(ConsentText text, boolean created) {}

    public Mono<Created> create(Operator operator, ConsentTextTerms terms, List<FieldError> parseErrors) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        validate(terms, errors);
        if (!errors.isEmpty() && terms.entity() == null) {
            return Mono.error(new InvalidFields(errors));
        }
        if (terms.entity() != null) {
            Scope.requireWrite(operator, terms.entity());
        }
        return unknownClients(terms).flatMap(unknown -> {
            unknown.forEach(id -> errors.add(new FieldError("partner_client_ids", "unknown client " + id)));
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidFields(errors));
            }
            Mono<String> version = terms.version() == null
                    ? codes.next(PREFIX).map(n -> String.format("%s-%03d", PREFIX, n))
                    : Mono.just(terms.version());
            return version.flatMap(v -> {
                ConsentText text = new ConsentText(
                        v,
                        terms.entity(),
                        terms.wording(),
                        WordingHash.of(terms.wording()),
                        terms.partnerClientIds(),
                        terms.partnerGroups(),
                        terms.validFrom(),
                        terms.validUntil(),
                        clock.instant());
                return texts.insertNew(text)
                        .map(stored -> new Created(stored, true))
                        .switchIfEmpty(Mono.defer(() -> existing(v, text)));
            });
        });
    }

    private Mono<Created> existing(String version, ConsentText attempted) {
        return byVersion(version)
                .flatMap(
                        stored -> stored.sameTermsAs(attempted)
                                ? Mono.just(new Created(stored, false))
                                : Mono.error(
                                        RequestRejected.conflict(
                                                "consent text " + version
                                                        + " already exists with other terms: a consent text never changes, create a new version")));
    }

    public Flux<ConsentText> list(Operator operator, Entity entity) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return texts.all(filter.only());
    }

    public Mono<ConsentText> get(Operator operator, String version) {
        return byVersion(version)
                .filter(t -> Scope.visible(operator, t.entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no consent text " + version)));
    }

    /** A text by version, whatever the operator (routing and the form catalog use it). */
    public Mono<ConsentText> byVersion(String version) {
        if (version == null || version.isBlank()) {
            return Mono.empty();
        }
        return texts.byVersion(version.trim());
    }

    private static void validate(ConsentTextTerms t, List<FieldError> errors) {
        if (t.version() != null && !VERSION.matcher(t.version()).matches()) {
            errors.add(new FieldError(
                    "version", "must be 1 to 64 letters, digits, '.', '_' or '-' (or absent to get CT-NNN)"));
        }
        if (t.entity() == null && errors.stream().noneMatch(e -> e.field().equals("entity"))) {
            errors.add(new FieldError("entity", "is required (ZR7 or MDL)"));
        }
        if (t.wording() == null || t.wording().isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals("wording"))) {
                errors.add(new FieldError("wording", "is required: the exact French text the person accepts"));
            }
        }
        if (t.partnerClientIds().isEmpty()
                && t.partnerGroups().isEmpty()
                && errors.stream().noneMatch(e -> e.field().startsWith("partner"))) {
            errors.add(new FieldError(
                    "partner_client_ids", "a consent text must name at least one partner (or a partner_groups entry)"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.partnerGroups().size(); i++) {
            PartnerGroup g = t.partnerGroups().get(i);
            if (g.name() == null || g.name().isBlank()) {
                errors.add(new FieldError("partner_groups[" + i + "].name", "is required"));
            } else if (!names.add(g.name().trim())) {
                errors.add(new FieldError("partner_groups[" + i + "].name", "duplicate group name " + g.name()));
            }
            if (g.clientIds().isEmpty()) {
                errors.add(new FieldError("partner_groups[" + i + "].client_ids", "must name at least one client"));
            }
        }
        if (t.validFrom() != null && t.validUntil() != null && t.validUntil().isBefore(t.validFrom())) {
            errors.add(new FieldError("valid_until", "must not be before valid_from"));
        }
    }

    private Mono<List<String>> unknownClients(ConsentTextTerms t) {
        Set<String> named = new LinkedHashSet<>(t.partnerClientIds());
        t.partnerGroups().forEach(g -> named.addAll(g.clientIds()));
        if (named.isEmpty()) {
            return Mono.just(List.of());
        }
        return clients.notDeletedAmong(named)
                .collect(HashSet<String>::new, Set::add)
                .map(known -> named.stream().filter(id -> !known.contains(id)).toList());
    }
}
