package fr.rdz.notifier.email.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.rdz.notifier.email.application.WithdrawalNotices;
import fr.rdz.notifier.email.domain.WithdrawalNotice;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link WithdrawalNotices} on reactive Mongo: collection {@code withdrawal_notices}, one document per
 * client ({@code _id} = client id, read by {@code _id} when its batch e-mail is composed) holding the
 * notices still to tell. Called from Kafka listener threads and waits.
 */
@Repository
class MongoWithdrawalNotices implements WithdrawalNotices {

    static final String COLLECTION = "withdrawal_notices";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    MongoWithdrawalNotices(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String clientId, WithdrawalNotice notice) {
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", clientId),
                        Updates.addToSet("notices", document(notice)),
                        new UpdateOptions().upsert(true))))
                .block(TIMEOUT);
    }

    @Override
    public List<WithdrawalNotice> pending(String clientId) {
        Document doc = mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", clientId)).first()))
                .block(TIMEOUT);
        if (doc == null || doc.getList("notices", Document.class) == null) {
            return List.of();
        }
        return doc.getList("notices", Document.class).stream()
                .map(d -> new WithdrawalNotice(
                        d.getString("lead_id"),
                        d.getString("phone"),
                        d.getDate("withdrawn_at").toInstant()))
                .toList();
    }

    @Override
    public void told(String clientId, List<WithdrawalNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", clientId),
                        Updates.pullAll(
                                "notices",
                                notices.stream()
                                        .map(MongoWithdrawalNotices::document)
                                        .toList()))))
                .block(TIMEOUT);
    }

    private static Document document(WithdrawalNotice n) {
        return new Document("lead_id", n.leadId())
                .append("phone", n.phone())
                .append("withdrawn_at", Date.from(n.withdrawnAt()));
    }
}
