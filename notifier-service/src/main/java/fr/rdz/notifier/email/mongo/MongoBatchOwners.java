package fr.rdz.notifier.email.mongo;

import fr.rdz.notifier.email.application.BatchOwners;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@link BatchOwners} from {@code sent_mails} ({@code _id} = batch id, {@code client_id}): one read by id. */
@Repository
class MongoBatchOwners implements BatchOwners {

    private final ReactiveMongoTemplate mongo;

    MongoBatchOwners(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<String> clientOf(String batchId) {
        return mongo.getCollection(SentMailDocument.COLLECTION)
                .flatMap(c -> Mono.from(c.find(new Document("_id", batchId))
                        .projection(new Document("client_id", 1))
                        .first()))
                .mapNotNull(d -> d.getString("client_id"));
    }
}
