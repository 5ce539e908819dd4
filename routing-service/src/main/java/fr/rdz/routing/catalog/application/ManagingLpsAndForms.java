package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.domain.CatalogCode;
import fr.rdz.routing.catalog.domain.SameEntity;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Landing pages and forms: creation with generated codes, duplicate, archive; every change published as a snapshot. */
@Service
public class ManagingLpsAndForms {

    private static final String PRODUCER = "routing-service";

    private final LpsAndForms store;
    private final CodeNumbers codes;
    private final Clock clock;
    private final FormConsentText consentTexts;

    public ManagingLpsAndForms(LpsAndForms store, CodeNumbers codes, Clock clock, FormConsentText consentTexts) {
        this.store = store;
        this.codes = codes;
        this.clock = clock;
        this.consentTexts = consentTexts;
    }

    // ---- LPs

    public Mono<Lp> createLp(Operator operator, LpTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.name()), "name is required");
        Scope.requireWrite(operator, terms.entity());
        Mono<Void> formCheck = terms.formCode() == null || terms.formCode().isBlank()
                ? Mono.empty()
                : form(terms.formCode())
                        .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown form_code " + terms.formCode())))
                        .flatMap(f -> SameEntity.breach("form " + f.code(), f.entity(), terms.entity())
                                .map(breach -> Mono.<Void>error(RequestRejected.invalid(breach)))
                                .orElse(Mono.empty()));
        return formCheck.then(withCode(terms.code(), CatalogCode.LP_PREFIX, code -> {
            Instant now = clock.instant();
            Lp doc = new Lp(
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
            return store.insertLp(withSnapshot(doc));
        }));
    }

    public Flux<Lp> lps(Operator operator, Entity entity, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return store.lps(status == null ? CatalogStatus.ACTIVE : status, filter.only());
    }

    public Mono<Lp> lp(Operator operator, String code) {
        return store.lp(code)
                .filter(lp -> Scope.visible(operator, lp.entity()))
                .switchIfEmpty(Mono.error(RequestRejected.notFound("no LP " + code)));
    }

    public Mono<Lp> archiveLp(Operator operator, String code) {
        return lp(operator, code).flatMap(lp -> {
            Scope.requireWrite(operator, lp.entity());
            Lp changed = new Lp(
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
            return store.replaceLp(withSnapshot(changed), lp.version());
        });
    }

    /**
     * Edits a landing page (archived ones too): name, url and linked form are replaced; code and
     * entity may be repeated but not changed. Every invalid field is reported at once.
     */
    public Mono<Lp> updateLp(Operator operator, String code, LpTerms terms, InvalidInput.Collector errors) {
        return lp(operator, code).flatMap(lp -> {
            Scope.requireWrite(operator, lp.entity());
            errors.check(
                    terms.code() == null || terms.code().trim().equalsIgnoreCase(lp.code()),
                    "code",
                    "cannot be changed (this is " + lp.code() + ")");
            errors.check(
                    terms.entity() == null || terms.entity() == lp.entity(),
                    "entity",
                    "cannot be changed (" + lp.code() + " belongs to " + lp.entity() + ")");
            errors.check(notBlank(terms.name()), "name", "is required");
            return linkedForm(terms.formCode(), lp.entity(), errors).then(Mono.defer(() -> {
                errors.throwIfAny("the LP is invalid");
                Lp changed = new Lp(
                        lp.code(),
                        lp.entity(),
                        terms.name().trim(),
                        blankToNull(terms.url()),
                        blankToNull(terms.formCode()),
                        lp.status(),
                        lp.createdAt(),
                        clock.instant(),
                        lp.version() + 1,
                        lp.outbox());
                return store.replaceLp(withSnapshot(changed), lp.version());
            }));
        });
    }

    private Mono<Void> linkedForm(String formCode, Entity entity, InvalidInput.Collector errors) {
        if (formCode == null || formCode.isBlank()) {
            return Mono.empty();
        }
        return form(formCode.trim())
                .doOnNext(f -> SameEntity.breach("form " + f.code(), f.entity(), entity)
                        .ifPresent(breach -> errors.add("form_code", breach)))
                .switchIfEmpty(Mono.fromRunnable(() -> errors.add("form_code", "unknown form " + formCode.trim())))
                .then();
    }

    private Mono<Void> linkedLp(String lpCode, Entity entity, InvalidInput.Collector errors) {
        if (lpCode == null || lpCode.isBlank()) {
            return Mono.empty();
        }
        return store.lp(lpCode.trim())
                .doOnNext(lp -> SameEntity.breach("LP " + lp.code(), lp.entity(), entity)
                        .ifPresent(breach -> errors.add("lp_code", breach)))
                .switchIfEmpty(Mono.fromRunnable(() -> errors.add("lp_code", "unknown LP " + lpCode.trim())))
                .then();
    }

    // ---- forms

    /**
     * Edits a form (archived ones too): name, linked LP and redirect URL are replaced; code,
     * entity and product (its code's prefix) may be repeated but not changed; the consent text in
     * force is replaced when the body names one (a known text of the form's entity), else kept.
     * Every invalid field is reported at once.
     */
    public Mono<Form> updateForm(Operator operator, String code, FormTerms terms, InvalidInput.Collector errors) {
        return form(operator, code).flatMap(f -> {
            Scope.requireWrite(operator, f.entity());
            errors.check(
                    terms.code() == null || terms.code().trim().equalsIgnoreCase(f.code()),
                    "code",
                    "cannot be changed (this is " + f.code() + ")");
            errors.check(
                    terms.entity() == null || terms.entity() == f.entity(),
                    "entity",
                    "cannot be changed (" + f.code() + " belongs to " + f.entity() + ")");
            errors.check(
                    terms.product() == null || terms.product() == f.product(),
                    "product",
                    "cannot be changed (" + f.code() + " is a " + f.product() + " form; duplicate it instead)");
            errors.check(notBlank(terms.name()), "name", "is required");
            // the consent text in force: the body's (checked as on creation), else the form keeps its own
            String consentTextVersion = notBlank(terms.consentTextVersion())
                    ? terms.consentTextVersion().trim()
                    : f.consentTextVersion();
            Mono<Void> consentText = notBlank(terms.consentTextVersion())
                    ? consentTexts
                            .checkFormText(consentTextVersion, f.entity())
                            .onErrorResume(
                                    e -> e instanceof RequestRejected r && r.reason() == RequestRejected.Reason.INVALID,
                                    e -> Mono.fromRunnable(() -> errors.add("consent_text_version", e.getMessage())))
                    : Mono.empty();
            return linkedLp(terms.lpCode(), f.entity(), errors)
                    .then(consentText)
                    .then(Mono.defer(() -> {
                        errors.throwIfAny("the form is invalid");
                        Form changed = new Form(
                                f.code(),
                                f.entity(),
                                f.product(),
                                terms.name().trim(),
                                blankToNull(terms.lpCode()),
                                blankToNull(terms.redirectUrl()),
                                f.status(),
                                f.createdAt(),
                                clock.instant(),
                                f.version() + 1,
                                f.outbox(),
                                consentTextVersion);
                        return store.replaceForm(withSnapshot(changed), f.version());
                    }));
        });
    }

    public Mono<Form> createForm(Operator operator, FormTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(terms.product() != null, "product is required (PV, PAC or ITE)");
        require(notBlank(terms.name()), "name is required");
        Scope.requireWrite(operator, terms.entity());
        return checkLp(terms.lpCode(), terms.entity())
                .then(consentTexts.checkFormText(terms.consentTextVersion(), terms.entity()))
                .then(withCode(terms.code(), CatalogCode.formPrefix(terms.product()), code -> {
                    Instant now = clock.instant();
                    Form doc = new Form(
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
                    return store.insertForm(withSnapshot(doc));
                }));
    }

    public Flux<Form> forms(Operator operator, Entity entity, Product product, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return store.forms(status == null ? CatalogStatus.ACTIVE : status, filter.only(), product);
    }

    public Mono<Form> form(Operator operator, String code) {
        return form(code)
                .filter(f -> Scope.visible(operator, f.entity()))
                .switchIfEmpty(Mono.error(RequestRejected.notFound("no form " + code)));
    }

    /** A copy of the form under the next free code of its product (same entity, LP and redirect). */
    public Mono<Form> duplicateForm(Operator operator, String code) {
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
    public Mono<Form> archiveForm(Operator operator, String code) {
        return form(operator, code).flatMap(f -> {
            Scope.requireWrite(operator, f.entity());
            Form changed = new Form(
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
            return store.replaceForm(withSnapshot(changed), f.version());
        });
    }

    public Mono<Form> form(String code) {
        return store.form(code);
    }

    // ---- helpers

    private Mono<Void> checkLp(String lpCode, Entity entity) {
        if (lpCode == null || lpCode.isBlank()) {
            return Mono.empty();
        }
        return store.lp(lpCode)
                .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown lp_code " + lpCode)))
                .flatMap(lp -> SameEntity.breach("LP " + lp.code(), lp.entity(), entity)
                        .map(breach -> Mono.<Void>error(RequestRejected.invalid(breach)))
                        .orElse(Mono.empty()));
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

    private Lp withSnapshot(Lp d) {
        return new Lp(
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

    private Form withSnapshot(Form d) {
        return new Form(
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
