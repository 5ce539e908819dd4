package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.blankToNull;
import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;
import static fr.rdz.routing.catalog.application.CatalogEdits.plusSnapshot;
import static fr.rdz.routing.catalog.application.CatalogEdits.require;
import static fr.rdz.routing.catalog.application.CatalogEdits.withCode;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
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
 * Landing pages: creation with a generated code, edit, archive; an LP links only to a form of its
 * own entity ({@link fr.rdz.routing.catalog.domain.SameEntity}); every change published as a snapshot.
 */
@Service
public class ManagingLps {

    private final Lps lps;
    private final Forms forms;
    private final CodeNumbers codes;
    private final Clock clock;

    public ManagingLps(Lps lps, Forms forms, CodeNumbers codes, Clock clock) {
        this.lps = lps;
        this.forms = forms;
        this.codes = codes;
        this.clock = clock;
    }

    public Mono<Lp> createLp(Operator operator, LpTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.name()), "name is required");
        Scope.requireWrite(operator, terms.entity());
        Mono<Void> formCheck = terms.formCode() == null || terms.formCode().isBlank()
                ? Mono.empty()
                : forms.form(terms.formCode())
                        .switchIfEmpty(Mono.error(RequestRejected.invalid("unknown form_code " + terms.formCode())))
                        .flatMap(f -> SameEntity.breach("form " + f.code(), f.entity(), terms.entity())
                                .map(breach -> Mono.<Void>error(RequestRejected.invalid(breach)))
                                .orElse(Mono.empty()));
        return formCheck.then(withCode(codes, terms.code(), CatalogCode.LP_PREFIX, code -> {
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
            return lps.insert(withSnapshot(doc));
        }));
    }

    public Flux<Lp> lps(Operator operator, Entity entity, CatalogStatus status) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return lps.inStatus(status == null ? CatalogStatus.ACTIVE : status, filter.only());
    }

    public Mono<Lp> lp(Operator operator, String code) {
        return lps.lp(code)
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
            return lps.replace(withSnapshot(changed), lp.version());
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
                return lps.replace(withSnapshot(changed), lp.version());
            }));
        });
    }

    private Mono<Void> linkedForm(String formCode, Entity entity, InvalidInput.Collector errors) {
        if (formCode == null || formCode.isBlank()) {
            return Mono.empty();
        }
        return forms.form(formCode.trim())
                .doOnNext(f -> SameEntity.breach("form " + f.code(), f.entity(), entity)
                        .ifPresent(breach -> errors.add("form_code", breach)))
                .switchIfEmpty(Mono.fromRunnable(() -> errors.add("form_code", "unknown form " + formCode.trim())))
                .then();
    }

    private Lp withSnapshot(Lp d) {
        return d.withOutbox(plusSnapshot(d.outbox(), d.snapshot(), d.updatedAt()));
    }
}
