package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.application.Form;
import fr.rdz.routing.catalog.application.Forms;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Forms} in {@code forms} ({@link FormDocument}), through {@link CatalogStore}. */
@Component
public class MongoForms implements Forms {

    static final String FORMS = "forms";

    private final CatalogStore store;

    public MongoForms(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Mono<Form> insert(Form form) {
        return store.insert(document(form), FORMS, form.code(), "form").map(MongoForms::form);
    }

    @Override
    public Mono<Form> replace(Form form, long expectedVersion) {
        return store.replace(document(form), FORMS, form.code(), expectedVersion, "form")
                .map(MongoForms::form);
    }

    @Override
    public Mono<Form> form(String code) {
        return store.mongo().findById(code, FormDocument.class, FORMS).map(MongoForms::form);
    }

    @Override
    public Mono<String> consentTextVersionOf(String formCode) {
        return store.mongo().findById(formCode, FormDocument.class, FORMS).mapNotNull(FormDocument::consentTextVersion);
    }

    @Override
    public Flux<Form> inStatus(CatalogStatus status, Optional<Entity> only, Product product) {
        Criteria c = Criteria.where("status").is(status);
        only.ifPresent(e -> c.and("entity").is(e));
        if (product != null) {
            c.and("product").is(product);
        }
        return store.mongo()
                .find(Query.query(c).with(Sort.by("_id")), FormDocument.class, FORMS)
                .map(MongoForms::form);
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
    static Form form(FormDocument d) {
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
