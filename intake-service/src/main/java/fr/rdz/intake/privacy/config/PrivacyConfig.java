package fr.rdz.intake.privacy.config;

import fr.rdz.intake.privacy.application.ErasingExpiredPersonalData;
import fr.rdz.intake.privacy.application.ErasingPerson;
import fr.rdz.intake.tracking.mongo.TrackingEventDocument;
import fr.rdz.intake.tracking.mongo.VisitorLpSessionDocument;
import fr.rdz.intake.tracking.mongo.VisitorSessionDocument;
import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.kit.kafka.PersonErasure;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/**
 * Intake's erasure for the kit's {@code PersonErasedListener} (consumer group {@code intake-person-erased},
 * {@code rdz.kafka.person-erased.group-id}), its sweeps for the kit's retention job, and the indexes their range deletions use (created
 * at start and awaited, as {@code MongoConfig} does for the others).
 */
@Configuration
class PrivacyConfig implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    PrivacyConfig(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                        mongo.indexOps(VisitorSessionDocument.class)
                                .ensureIndex(new Index().on("createdAt", Sort.Direction.ASC)),
                        mongo.indexOps(TrackingEventDocument.class)
                                .ensureIndex(new Index().on("createdAt", Sort.Direction.ASC)),
                        mongo.indexOps(VisitorLpSessionDocument.class)
                                .ensureIndex(new Index().on("createdAt", Sort.Direction.ASC)),
                        mongo.indexOps(VisitorLpSessionDocument.class)
                                .ensureIndex(new Index().on("sessionId", Sort.Direction.ASC)))
                .then()
                .block(Duration.ofSeconds(60));
    }

    /** {@code rdz.person.erased.v1} → {@link ErasingPerson}. */
    @Bean
    PersonErasure intakePersonErasure(ErasingPerson erasing) {
        return erasing::erase;
    }

    @Bean
    PersonalDataSweep intakeLeadsRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("leads", expiring::leads);
    }

    @Bean
    PersonalDataSweep intakeSessionsRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("visitor_sessions", expiring::sessions);
    }

    @Bean
    PersonalDataSweep intakeTrackingRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("tracking", expiring::tracking);
    }

    @Bean
    PersonalDataSweep intakeQuarantineRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("quarantine", expiring::quarantine);
    }
}
