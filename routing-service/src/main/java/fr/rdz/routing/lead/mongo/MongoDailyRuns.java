package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Entity;
import fr.rdz.events.RunCompleted;
import fr.rdz.routing.lead.application.DailyRuns;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link DailyRuns} in {@code runs} ({@link RunRecord}, which is the {@link DailyRuns.Run} itself). */
@Component
public class MongoDailyRuns implements DailyRuns {

    private final ReactiveMongoTemplate mongo;

    public MongoDailyRuns(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<Run> ofEntitySince(Entity entity, LocalDate day) {
        return mongo.find(
                        Query.query(Criteria.where("entity")
                                .is(entity)
                                .and("runDate")
                                .gte(day)),
                        RunRecord.class)
                .map(Run.class::cast);
    }

    @Override
    public Mono<Void> record(RunCompleted run) {
        return mongo.save(RunRecord.of(run)).then();
    }
}
