package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.application.ConsentWithdrawals;
import fr.rdz.crmpush.push.application.DeadLetterStore;
import fr.rdz.crmpush.push.application.FanningOutBatch;
import fr.rdz.crmpush.push.application.PushLedger;
import fr.rdz.crmpush.push.application.PushMeters;
import fr.rdz.crmpush.push.application.PushingLead;
import fr.rdz.crmpush.push.application.RecordingDeadLetter;
import fr.rdz.crmpush.push.application.RecoveringStalledPushes;
import fr.rdz.crmpush.push.application.ReplayingDeadLetters;
import fr.rdz.crmpush.push.kafka.ConsentWithdrawnListener;
import fr.rdz.crmpush.push.kafka.DeliveryPlannedListener;
import fr.rdz.crmpush.push.kafka.KafkaOutcomePublisher;
import fr.rdz.crmpush.push.kafka.KafkaTaskPublisher;
import fr.rdz.crmpush.push.kafka.PushTaskListener;
import fr.rdz.crmpush.push.mongo.MongoConsentWithdrawals;
import fr.rdz.crmpush.push.mongo.MongoDeadLetterStore;
import fr.rdz.crmpush.push.mongo.MongoPushLedger;
import fr.rdz.crmpush.push.web.CrmHttpGateway;
import fr.rdz.events.Envelope;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.events.SecretBox;
import fr.rdz.kit.ConsentProofLinks;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Wires the CRM push: ledger and dead letters in Mongo, the guarded CRM client, the use cases and the listeners. */
@Configuration(proxyBeanMethods = false)
@Import(ConsentProofLinks.class)
class PushConfig {

    @Bean
    MongoPushLedger pushLedger(ReactiveMongoTemplate mongo) {
        return new MongoPushLedger(mongo);
    }

    @Bean
    MongoDeadLetterStore deadLetterStore(ReactiveMongoTemplate mongo) {
        return new MongoDeadLetterStore(mongo);
    }

    @Bean
    CrmHttpGateway crmGateway(
            WebClient.Builder builder,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads,
            CrmPushProperties properties) {
        ConnectionProvider pool = ConnectionProvider.builder("crm")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        WebClient web = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        return new CrmHttpGateway(web, circuitBreakers, timeLimiters, bulkheads, properties.maxQueueWait());
    }

    @Bean
    KafkaTaskPublisher taskPublisher(PushKafkaConfig.TaskRecords records, CrmPushProperties properties) {
        return new KafkaTaskPublisher(records.template(), properties.tasksTopic());
    }

    @Bean
    KafkaOutcomePublisher outcomePublisher(KafkaTemplate<String, Envelope<?>> template, PushMeters meters) {
        return new KafkaOutcomePublisher(template, meters);
    }

    @Bean
    PushingLead pushingLead(
            MongoPushLedger ledger,
            CrmHttpGateway crm,
            KafkaOutcomePublisher outcomes,
            DeadLetterStore deadLetters,
            SecretBox apiKeyBox,
            CrmPushProperties properties,
            Clock clock,
            LinkingConsentProof proofLinks,
            ConsentWithdrawals withdrawals) {
        return new PushingLead(
                ledger,
                crm,
                outcomes,
                deadLetters,
                apiKeyBox,
                properties.schedule(),
                properties.lease(),
                clock,
                proofLinks,
                withdrawals);
    }

    @Bean
    FanningOutBatch fanningOutBatch(KafkaTaskPublisher tasks) {
        return new FanningOutBatch(tasks);
    }

    @Bean
    RecordingDeadLetter recordingDeadLetter(
            MongoPushLedger ledger, DeadLetterStore store, PushingLead pushing, Clock clock) {
        return new RecordingDeadLetter(ledger, store, pushing, clock);
    }

    @Bean
    ReplayingDeadLetters replayingDeadLetters(
            DeadLetterStore store, KafkaTaskPublisher tasks, Clock clock, PushLedger ledger) {
        return new ReplayingDeadLetters(store, tasks, clock, ledger);
    }

    @Bean
    RecoveringStalledPushes recoveringStalledPushes(
            MongoPushLedger ledger, KafkaTaskPublisher tasks, CrmPushProperties properties, Clock clock) {
        return new RecoveringStalledPushes(ledger, tasks, properties.recoveryGrace(), clock);
    }

    @Bean
    RecoveryScheduler recoveryScheduler(RecoveringStalledPushes recovering, CrmPushProperties properties) {
        return new RecoveryScheduler(recovering, properties.recoveryInterval());
    }

    @Bean
    MongoConsentWithdrawals consentWithdrawals(ReactiveMongoTemplate mongo) {
        return new MongoConsentWithdrawals(mongo);
    }

    @Bean
    ConsentWithdrawnListener consentWithdrawnListener(ConsentWithdrawals withdrawals) {
        return new ConsentWithdrawnListener(withdrawals);
    }

    @Bean
    DeliveryPlannedListener deliveryPlannedListener(FanningOutBatch fanningOut) {
        return new DeliveryPlannedListener(fanningOut);
    }

    @Bean
    PushTaskListener pushTaskListener(PushingLead pushing, RecordingDeadLetter deadLetters) {
        return new PushTaskListener(pushing, deadLetters);
    }
}
