package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.domain.CatalogCode;
import fr.rdz.routing.catalog.mongo.CatalogStore;
import fr.rdz.routing.catalog.mongo.CodeSequence;
import fr.rdz.routing.catalog.mongo.FormDocument;
import fr.rdz.routing.catalog.mongo.LpDocument;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Landing pages and forms: creation with generated codes, duplicate, archive; every change published as a snapshot. */
@Service
public class ManagingLpsAndForms {

    private static final String PRODUCER = "routing-service";

    private final CatalogStore store;
    private final CodeSequence codes;
    private final Clock clock;
    private final FormConsentText consentTexts;

    public ManagingLpsAndForms(CatalogStore store, CodeSequence codes, Clock clock, FormConsentText consentTexts) {
        this.store = store;
        this.codes = codes;
        this.clock = clock;
        this.consentTexts = consentTexts;
    }

    // ---- LPs

    public Mono<LpDocument> createLp(Operator operator, LpTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.name()), "name is required");
        Scope.requireWrite(operator, terms.entity());
        Mono<Void> formCheck = terms.formCode() == null || terms.formCode().isBlank()
                ? Mono.empty()
                : form(terms.formCode())
                        .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown form_code " + terms.formCode())))
                        .flatMap(f -> f.entity() == terms.entity()
                                ? Mono.<Void>empty()
                                : Mono.error(RequestRejected.invalid("form " + f.code() + " belongs to entity "
                                        + f.entity() + ", not " + terms.entity())));
        return formCheck.then(withCode(terms.code(), CatalogCode.LP_PREFIX, code -> {
            Instant now = clock.instant();
            LpDocument doc = new LpDocument(
                    code,
                    terms.entity(),
                    terms.name().trim(),
                    terms.url(),
                    blankToNull(terms.formCode()),
                    CatalogStatus.ACTIVE,
                    now,
                    now,
                    1,
                    List.of());
            return store.insert(withSnapshot(doc), "lps", code, "LP");
        }));
    }

    public Flux<LpDocument> lps(Operator operator, Entity entity, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        Criteria c = Criteria.where("status").is(status == null ? CatalogStatus.ACTIVE : status);
        filter.only().ifPresent(e -> c.and("entity").is(e));
        return store.mongo().find(Query.query(c).with(Sort.by("_id")), LpDocument.class, "lps");
    }

    public Mono<LpDocument> lp(Operator operator, String code) {
        return store.mongo()
                .findById(code, LpDocument.class, "lps")
                .filter(lp -> Scope.visible(operator, lp.entity()))
                .switchIfEmpty(Mono.error(RequestRejected.notFound("no LP " + code)));
    }

    public Mono<LpDocument> archiveLp(Operator operator, String code) {
        return lp(operator, code).flatMap(lp -> {
            Scope.requireWrite(operator, lp.entity());
            LpDocument changed = new LpDocument(
                    lp.code(),
                    lp.entity(),
                    lp.name(),
                    lp.url(),
                    lp.formCode(),
                    CatalogStatus.ARCHIVED,
                    lp.createdAt(),
                    clock.instant(),
                    lp.version() + 1,
                    lp.outbox());
            return store.replace(withSnapshot(changed), "lps", code, lp.version(), "LP");
        });
    }

    // ---- forms

    public Mono<FormDocument> createForm(Operator operator, FormTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(terms.product() != null, "product is required (PV, PAC or ITE)");
        require(notBlank(terms.name()), "name is required");
        Scope.requireWrite(operator, terms.entity());
        return checkLp(terms.lpCode(), terms.entity())
                .then(consentTexts.checkFormText(terms.consentTextVersion(), terms.entity()))
                .then(withCode(terms.code(), CatalogCode.formPrefix(terms.product()), code -> {
                    Instant now = clock.instant();
                    FormDocument doc = new FormDocument(
                            code,
                            terms.entity(),
                            terms.product(),
                            terms.name().trim(),
                            blankToNull(terms.lpCode()),
                            blankToNull(terms.redirectUrl()),
                            CatalogStatus.ACTIVE,
                            now,
                            now,
                            1,
                            List.of(),
                            blankToNull(terms.consentTextVersion()));
                    return store.insert(withSnapshot(doc), "forms", code, "form");
                }));
    }

    public Flux<FormDocument> forms(Operator operator, Entity entity, Product product, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        Criteria c = Criteria.where("status").is(status == null ? CatalogStatus.ACTIVE : status);
        filter.only().ifPresent(e -> c.and("entity").is(e));
        if (product != null) {
            c.and("product").is(product);
        }
        return store.mongo().find(Query.query(c).with(Sort.by("_id")), FormDocument.class, "forms");
    }

    public Mono<FormDocument> form(Operator operator, String code) {
        return form(code)
                .filter(f -> Scope.visible(operator, f.entity()))
                .switchIfEmpty(Mono.error(RequestRejected.notFound("no form " + code)));
    }

    /** A copy of the form under the next free code of its product (same entity, LP and redirect). */
    public Mono<FormDocument> duplicateForm(Operator operator, String code) {
        return form(operator, code)
                .flatMap(f -> createForm(
                        operator,
                        new FormTerms(
                                null,
                                f.entity(),
                                f.product(),
                                f.name() + " (copy)",
                                f.lpCode(),
                                f.redirectUrl(),
                                f.consentTextVersion())));
    }

    /** Archived forms stay resolvable (leads already in flight keep their form) but leave the admin lists. */
    public Mono<FormDocument> archiveForm(Operator operator, String code) {
        return form(operator, code).flatMap(f -> {
            Scope.requireWrite(operator, f.entity());
            FormDocument changed = new FormDocument(
                    f.code(),
                    f.entity(),
                    f.product(),
                    f.name(),
                    f.lpCode(),
                    f.redirectUrl(),
                    CatalogStatus.ARCHIVED,
                    f.createdAt(),
                    clock.instant(),
                    f.version() + 1,
                    f.outbox(),
                    f.consentTextVersion());
            return store.replace(withSnapshot(changed), "forms", code, f.version(), "form");
        });
    }

    public Mono<FormDocument> form(String code) {
        return store.mongo().findById(code, FormDocument.class, "forms");
    }

    // ---- helpers

    private Mono<Void> checkLp(String lpCode, Entity entity) {
        if (lpCode == null || lpCode.isBlank()) {
            return Mono.empty();
        }
        return store.mongo()
                .findById(lpCode, LpDocument.class, "lps")
                .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown lp_code " + lpCode)))
                .flatMap(lp -> lp.entity() == entity
                        ? Mono.<Void>empty()
                        : Mono.error(RequestRejected.invalid(
                                "LP " + lp.code() + " belongs to entity " + lp.entity() + ", not " + entity)));
    }

    /**
     * Runs {@code create} with the given code, or with the next number of the prefix: the counter
     * gives each concurrent caller its own number, and a number already taken by hand is skipped.
     */
    private <T> Mono<T> withCode(String given, String prefix, java.util.function.Function<String, Mono<T>> create) {
        if (given != null && !given.isBlank()) {
            String code = given.trim().toUpperCase();
            long number = CatalogCode.numberOf(code, prefix);
            return create.apply(code)
                    .flatMap(saved -> codes.raiseTo(prefix, number).thenReturn(saved));
        }
        return Mono.defer(() -> codes.next(prefix)
                        .map(n -> CatalogCode.format(prefix, n))
                        .flatMap(create))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(2))
                        .filter(e -> e instanceof RequestRejected r && r.reason() == RequestRejected.Reason.CONFLICT
                                || e instanceof DuplicateKeyException));
    }

    private LpDocument withSnapshot(LpDocument d) {
        return new LpDocument(
                d.code(),
                d.entity(),
                d.name(),
                d.url(),
                d.formCode(),
                d.status(),
                d.createdAt(),
                d.updatedAt(),
                d.version(),
                append(d.outbox(), OutboxEntry.of(Envelope.of(d.snapshot(), PRODUCER, d.updatedAt()))));
    }

    private FormDocument withSnapshot(FormDocument d) {
        return new FormDocument(
                d.code(),
                d.entity(),
                d.product(),
                d.name(),
                d.lpCode(),
                d.redirectUrl(),
                d.status(),
                d.createdAt(),
                d.updatedAt(),
                d.version(),
                append(d.outbox(), OutboxEntry.of(Envelope.of(d.snapshot(), PRODUCER, d.updatedAt()))),
                d.consentTextVersion());
    }

    static List<OutboxEntry> append(List<OutboxEntry> outbox, OutboxEntry entry) {
        List<OutboxEntry> all = new ArrayList<>(outbox == null ? List.of() : outbox);
        all.add(entry);
        return all;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw RequestRejected.invalid(message);
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
