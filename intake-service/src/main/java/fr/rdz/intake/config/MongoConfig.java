package fr.rdz.intake.config;

import com.mongodb.WriteConcern;
import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.lead.mongo.OutboxEntryDocument;
import fr.rdz.intake.lead.mongo.SubmitGuardDocument;
import fr.rdz.intake.tracking.mongo.TrackingEventDocument;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/**
 * Mongo for intake: every write acknowledged by a majority ({@code w: majority}) — a lead is
 * answered only once it survives a primary failover — and the indexes created explicitly at start
 * and awaited (the local wire server builds auto-created indexes asynchronously).
 */
@Configuration
class MongoConfig {

    @Bean
    MongoClientSettingsBuilderCustomizer majorityWrites() {
        return settings -> settings.writeConcern(WriteConcern.MAJORITY);
    }

    /**
     * An unreachable MongoDB fails operations within seconds instead of the driver's 30 s server
     * selection, 2 min pool wait and unbounded reads (spec §12: public endpoints answer 503 in a
     * bounded time); the public deadline ({@code rdz.intake.public-deadline}) bounds the answer.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer boundedWaits(IntakeProperties properties) {
        IntakeProperties.Storage limits = properties.storage();
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        limits.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                                (int) limits.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(
                        pool -> pool.maxWaitTime(limits.poolWait().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    IndexesReady indexes(ReactiveMongoTemplate mongo) {
        Flux.concat(
                        // the relay's sweep reads the small outbox by due time (leads are only looked up by _id)
                        mongo.indexOps(OutboxEntryDocument.class)
                                .ensureIndex(new Index().on("checkAt", Sort.Direction.ASC)),
                        mongo.indexOps(LeadDocument.class).ensureIndex(new Index().on("phone", Sort.Direction.ASC)),
                        mongo.indexOps(LeadDocument.class)
                                .ensureIndex(new Index().on("receivedAt", Sort.Direction.DESC)),
                        mongo.indexOps(SubmitGuardDocument.class).ensureIndex(new Index().on("at", Sort.Direction.ASC)),
                        mongo.indexOps(TrackingEventDocument.class)
                                .ensureIndex(new Index().on("sessionId", Sort.Direction.ASC)),
                        mongo.indexOps(QuarantineDocument.class)
                                .ensureIndex(new Index().on("receivedAt", Sort.Direction.DESC)))
                .then()
                .block(Duration.ofSeconds(60));
        return new IndexesReady();
    }

    /** Marker: the indexes exist. */
    static final class IndexesReady {}
}
