package fr.rdz.routing.consent.mongo;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.application.ConsentTexts;
import fr.rdz.routing.consent.domain.ConsentText;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link ConsentTexts} in {@code consent_texts} ({@link ConsentTextDocument}): the version is the {@code _id}. */
@Component
public class MongoConsentTexts implements ConsentTexts {

    private static final String COLLECTION = "consent_texts";

    private final ReactiveMongoTemplate mongo;

    public MongoConsentTexts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<ConsentText> insertNew(ConsentText text) {
        return mongo.insert(ConsentTextDocument.of(text), COLLECTION)
                .map(ConsentTextDocument::toDomain)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    @Override
    public Flux<ConsentText> all(Optional<Entity> only) {
        Criteria c = new Criteria();
        only.ifPresent(e -> c.and("entity").is(e));
        return mongo.find(Query.query(c).with(Sort.by("_id")), ConsentTextDocument.class, COLLECTION)
                .map(ConsentTextDocument::toDomain);
    }

    @Override
    public Mono<ConsentText> byVersion(String version) {
        return mongo.findById(version, ConsentTextDocument.class, COLLECTION).map(ConsentTextDocument::toDomain);
    }
}
