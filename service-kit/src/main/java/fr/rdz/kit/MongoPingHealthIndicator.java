package fr.rdz.kit;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * UP when the service's MongoDB database answers {@code ping}. Boot's own indicator sends
 * {@code hello}, which the local wire-protocol server does not implement; {@code ping} works on
 * both it and a real replica set. Bounded by {@link #TIMEOUT}: a database that accepts connections but
 * never answers is DOWN in time for a probe. The database name is a detail, shown to operators only.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> mongo.executeCommand(new Document("ping", 1)).map(answer -> builder.up()
                        .withDetail("database", db.getName())
                        .build()))
                .timeout(TIMEOUT);
    }
}
