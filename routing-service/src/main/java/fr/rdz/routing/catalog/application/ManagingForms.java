package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.blankToNull;
import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;
import static fr.rdz.routing.catalog.application.CatalogEdits.plusSnapshot;
import static fr.rdz.routing.catalog.application.CatalogEdits.require;
import static fr.rdz.routing.catalog.application.CatalogEdits.withCode;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.domain.CatalogCode;
import fr.rdz.routing.catalog.domain.SameEntity;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forms: creation with a generated code of their product, edit, duplicate, archive; a form links
 * only to an LP of its own entity ({@link fr.rdz.routing.catalog.domain.SameEntity}) and to a
 * consent text of its entity; every change published as a snapshot.
 */
@Service
public class ManagingForms {

    private final Forms forms;
    private final Lps lps;
    private final CodeNumbers codes;
    private final Clock clock;
    private final FormConsentText consentTexts;

    public ManagingForms(Forms forms, Lps lps, CodeNumbers codes, Clock clock, FormConsentText consentTexts) {
        this.forms = forms;
        this.lps = lps;
        this.codes = codes;
        this.clock = clock;
        this.consentTexts = consentTexts;
    }

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
                        return forms.replace(withSnapshot(changed), f.version());
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
                .then(withCode(codes, terms.code(), CatalogCode.formPrefix(terms.product()), code -> {
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
                    return forms.insert(withSnapshot(doc));
                }));
    }

    public Flux<Form> forms(Operator operator, Entity entity, Product product, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return forms.inStatus(status == null ? CatalogStatus.ACTIVE : status, filter.only(), product);
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
            return forms.replace(withSnapshot(changed), f.version());
        });
    }

    public Mono<Form> form(String code) {
        return forms.form(code);
    }

    private Mono<Void> linkedLp(String lpCode, Entity entity, InvalidInput.Collector errors) {
        if (lpCode == null || lpCode.isBlank()) {
            return Mono.empty();
        }
        return lps.lp(lpCode.trim())
                .doOnNext(lp -> SameEntity.breach("LP " + lp.code(), lp.entity(), entity)
                        .ifPresent(breach -> errors.add("lp_code", breach)))
                .switchIfEmpty(Mono.fromRunnable(() -> errors.add("lp_code", "unknown LP " + lpCode.trim())))
                .then();
    }

    private Mono<Void> checkLp(String lpCode, Entity entity) {
        if (lpCode == null || lpCode.isBlank()) {
            return Mono.empty();
        }
        return lps.lp(lpCode)
                .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown lp_code " + lpCode)))
                .flatMap(lp -> SameEntity.breach("LP " + lp.code(), lp.entity(), entity)
                        .map(breach -> Mono.<Void>error(RequestRejected.invalid(breach)))
                        .orElse(Mono.empty()));
    }

    private Form withSnapshot(Form d) {
        return d.withOutbox(plusSnapshot(d.outbox(), d.snapshot(), d.updatedAt()));
    }
}
