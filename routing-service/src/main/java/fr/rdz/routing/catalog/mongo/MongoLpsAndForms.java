package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.application.Form;
import fr.rdz.routing.catalog.application.Lp;
import fr.rdz.routing.catalog.application.LpsAndForms;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link LpsAndForms} in {@code lps} and {@code forms} ({@link LpDocument}, {@link FormDocument}), through {@link CatalogStore}. */
@Component
public class MongoLpsAndForms implements LpsAndForms {

    static final String LPS = "lps";
    static final String FORMS = "forms";

    private final CatalogStore store;

    public MongoLpsAndForms(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Mono<Lp> insertLp(Lp lp) {
        return store.insert(document(lp), LPS, lp.code(), "LP").map(MongoLpsAndForms::lp);
    }

    @Override
    public Mono<Lp> replaceLp(Lp lp, long expectedVersion) {
        return store.replace(document(lp), LPS, lp.code(), expectedVersion, "LP")
                .map(MongoLpsAndForms::lp);
    }

    @Override
    public Mono<Lp> lp(String code) {
        return store.mongo().findById(code, LpDocument.class, LPS).map(MongoLpsAndForms::lp);
    }

    @Override
    public Flux<Lp> lps(CatalogStatus status, Optional<Entity> only) {
        Criteria c = Criteria.where("status").is(status);
        only.ifPresent(e -> c.and("entity").is(e));
        return store.mongo()
                .find(Query.query(c).with(Sort.by("_id")), LpDocument.class, LPS)
                .map(MongoLpsAndForms::lp);
    }

    @Override
    public Mono<Form> insertForm(Form form) {
        return store.insert(document(form), FORMS, form.code(), "form").map(MongoLpsAndForms::form);
    }

    @Override
    public Mono<Form> replaceForm(Form form, long expectedVersion) {
        return store.replace(document(form), FORMS, form.code(), expectedVersion, "form")
                .map(MongoLpsAndForms::form);
    }

    @Override
    public Mono<Form> form(String code) {
        return store.mongo().findById(code, FormDocument.class, FORMS).map(MongoLpsAndForms::form);
    }

    @Override
    public Mono<String> consentTextVersionOf(String formCode) {
        return store.mongo().findById(formCode, FormDocument.class, FORMS).mapNotNull(FormDocument::consentTextVersion);
    }

    @Override
    public Flux<Form> forms(CatalogStatus status, Optional<Entity> only, Product product) {
        Criteria c = Criteria.where("status").is(status);
        only.ifPresent(e -> c.and("entity").is(e));
        if (product != null) {
            c.and("product").is(product);
        }
        return store.mongo()
                .find(Query.query(c).with(Sort.by("_id")), FormDocument.class, FORMS)
                .map(MongoLpsAndForms::form);
    }

    static LpDocument document(Lp lp) {
        return new LpDocument(
                lp.code(),
                lp.entity(),
                lp.name(),
                lp.url(),
                lp.formCode(),
                lp.status(),
                lp.createdAt(),
                lp.updatedAt(),
                lp.version(),
                lp.outbox());
    }

    static Lp lp(LpDocument d) {
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
                d.outbox());
    }

    static FormDocument document(Form f) {
        return new FormDocument(
                f.code(),
                f.entity(),
                f.product(),
                f.name(),
                f.lpCode(),
                f.redirectUrl(),
                f.status(),
                f.createdAt(),
                f.updatedAt(),
                f.version(),
                f.outbox(),
                f.consentTextVersion());
    }

    /** A stored form as the use cases read it. */
    public static Form form(FormDocument d) {
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
                d.outbox(),
                d.consentTextVersion());
    }
}
