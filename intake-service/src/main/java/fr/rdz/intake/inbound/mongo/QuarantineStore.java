package fr.rdz.intake.inbound.mongo;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code quarantine} collection. */
@Component
public class QuarantineStore {

    private final ReactiveMongoTemplate mongo;

    public QuarantineStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<QuarantineDocument> keep(QuarantineDocument doc) {
        return mongo.insert(doc);
    }
}
