package fr.rdz.intake.catalog.mongo;

import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LpSnapshot;
import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.catalog.domain.CatalogForm;
import fr.rdz.intake.catalog.domain.CatalogLp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalog kept in this service's {@code forms} and {@code lps} collections (upserted by code
 * from the snapshots) and mirrored in memory, so that a lead submission never waits on a catalog
 * read. The memory copy is reloaded from Mongo at start.
 */
@Component
public class MongoCatalog implements Catalog, SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;
    private final Map<String, CatalogForm> forms = new ConcurrentHashMap<>();
    private final Map<String, CatalogLp> lps = new ConcurrentHashMap<>();
    /** LP code → code of the form that names it as its LP (last snapshot wins). */
    private final Map<String, String> formsByLp = new ConcurrentHashMap<>();

    public MongoCatalog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.findAll(FormDocument.class).doOnNext(this::remember).then().block(Duration.ofSeconds(30));
        mongo.findAll(LpDocument.class).doOnNext(this::remember).then().block(Duration.ofSeconds(30));
    }

    @Override
    public Optional<CatalogForm> form(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(forms.get(code.strip()));
    }

    @Override
    public Optional<CatalogLp> lp(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(lps.get(code.strip()));
    }

    @Override
    public Optional<String> formOfLp(String lpCode) {
        if (lpCode == null || lpCode.isBlank()) {
            return Optional.empty();
        }
        return Catalog.super.formOfLp(lpCode).or(() -> Optional.ofNullable(formsByLp.get(lpCode.strip())));
    }

    /** Upserts a form snapshot (last one wins: the topic is keyed and ordered by code). */
    public Mono<Void> save(FormSnapshot f) {
        FormDocument doc = new FormDocument(
                f.code(),
                f.entity(),
                f.product(),
                f.name(),
                f.lpCode(),
                f.status(),
                f.updatedAt(),
                f.consentTextVersion());
        return mongo.save(doc).doOnNext(this::remember).then();
    }

    public Mono<Void> save(LpSnapshot l) {
        LpDocument doc =
                new LpDocument(l.code(), l.entity(), l.name(), l.url(), l.formCode(), l.status(), l.updatedAt());
        return mongo.save(doc).doOnNext(this::remember).then();
    }

    private void remember(FormDocument d) {
        CatalogForm previous = forms.put(
                d.code(), new CatalogForm(d.code(), d.entity(), d.product(), d.lpCode(), d.consentTextVersion()));
        if (previous != null && previous.lpCode() != null && !previous.lpCode().equals(d.lpCode())) {
            formsByLp.remove(previous.lpCode(), d.code());
        }
        if (d.lpCode() != null && !d.lpCode().isBlank()) {
            formsByLp.put(d.lpCode().strip(), d.code());
        }
    }

    private void remember(LpDocument d) {
        lps.put(d.code(), new CatalogLp(d.code(), d.entity(), d.formCode()));
    }
}
