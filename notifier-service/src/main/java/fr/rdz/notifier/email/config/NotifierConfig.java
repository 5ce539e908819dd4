package fr.rdz.notifier.email.config;

import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.kit.ConsentProofLinks;
import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.notifier.email.application.AssemblingBatchParts;
import fr.rdz.notifier.email.application.BatchMailer;
import fr.rdz.notifier.email.application.BatchParts;
import fr.rdz.notifier.email.application.ConsentWithdrawals;
import fr.rdz.notifier.email.application.ErasingPersonalData;
import fr.rdz.notifier.email.application.FailedMails;
import fr.rdz.notifier.email.application.IndexingSentCsv;
import fr.rdz.notifier.email.application.KeepingSentCsv;
import fr.rdz.notifier.email.application.MailRenderer;
import fr.rdz.notifier.email.application.OutcomePublisher;
import fr.rdz.notifier.email.application.RecordingFailedMails;
import fr.rdz.notifier.email.application.ReplayingFailedMails;
import fr.rdz.notifier.email.application.SendingBatchEmail;
import fr.rdz.notifier.email.application.SentCsvs;
import fr.rdz.notifier.email.application.SentMails;
import fr.rdz.notifier.email.application.WithdrawalNotices;
import fr.rdz.notifier.email.domain.FailureReason;
import fr.rdz.notifier.email.kafka.DeliveryPlannedListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The wiring of the e-mail channel: the use case, the Kafka templates (outcomes; retry and
 * dead-letter forwarding, which must also carry the raw bytes of an unreadable record) and the
 * retry-topic infrastructure with the failure reason header.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsentProofLinks.class)
class NotifierConfig extends RetryTopicConfigurationSupport {

    @Bean
    SendingBatchEmail sendingBatchEmail(
            SentMails sentMails,
            MailRenderer renderer,
            BatchMailer mailer,
            OutcomePublisher outcomes,
            Clock clock,
            NotifierProperties properties,
            FailedMails failedMails,
            SentCsvs csvs,
            LinkingConsentProof proofLinks,
            WithdrawalNotices notices,
            ConsentWithdrawals withdrawals) {
        // issue 12: failed e-mails listed and replayable, CSVs kept as e-mailed (decorators; decisions unchanged)
        return new SendingBatchEmail(
                new IndexingSentCsv(new RecordingFailedMails(sentMails, failedMails), csvs),
                renderer,
                new KeepingSentCsv(mailer, csvs, clock),
                outcomes,
                clock,
                properties.lease(),
                proofLinks,
                notices,
                withdrawals);
    }

    @Bean
    ErasingPersonalData erasingPersonalData(SentCsvs csvs, FailedMails failedMails, Clock clock) {
        return new ErasingPersonalData(csvs, failedMails, clock);
    }

    /** The retention limit (kit's job) on the CSVs kept as e-mailed. */
    @Bean
    PersonalDataSweep notifierSentCsvsRetention(ErasingPersonalData erasing) {
        return PersonalDataSweep.of("sent_csvs", erasing::csvsReceivedBefore);
    }

    /** The retention limit (kit's job) on the batches of failed e-mails. */
    @Bean
    PersonalDataSweep notifierFailedMailsRetention(ErasingPersonalData erasing) {
        return PersonalDataSweep.of("failed_mails", erasing::failedMailsReceivedBefore);
    }

    @Bean
    ReplayingFailedMails replayingFailedMails(
            FailedMails failedMails, SentMails sentMails, SendingBatchEmail sending, Clock clock) {
        return new ReplayingFailedMails(failedMails, sentMails, sending, clock);
    }

    @Bean
    AssemblingBatchParts assemblingBatchParts(BatchParts parts, SentMails sentMails, SendingBatchEmail sending) {
        return new AssemblingBatchParts(parts, sentMails, sending);
    }

    /** Outcomes (and any other event this service publishes): Boot's producer settings, {@code EnvelopeSerializer}. */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaTemplate<String, Envelope<?>> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory) producerFactory);
    }

    /** Forwards to the retry and dead-letter topics: envelopes as JSON, unreadable records as their raw bytes. */
    @Bean
    KafkaTemplate<String, Object> notifierRetryTemplate(ProducerFactory<Object, Object> producerFactory) {
        Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
        Map<Class<?>, Serializer<?>> byType = Map.of(
                byte[].class, new ByteArraySerializer(),
                Envelope.class, new EnvelopeSerializer());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true)));
    }

    /** Pauses and resumes the retry topics' partitions for their backoff. */
    @Bean
    TaskScheduler notifierRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notifier-retry-");
        scheduler.setPoolSize(1);
        return scheduler;
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> {
            // each failed attempt is logged once, by SendingBatchEmail, with its short reason
            factory.neverLogListenerException();
            factory.setHeadersFunction((record, exception) -> {
                RecordHeaders headers = new RecordHeaders();
                headers.add(
                        DeliveryPlannedListener.REASON_HEADER,
                        FailureReason.of(unwrap(exception)).getBytes(StandardCharsets.UTF_8));
                return headers;
            });
        };
    }

    static Throwable unwrap(Throwable exception) {
        Throwable t = exception;
        while ((t instanceof ListenerExecutionFailedException || t instanceof TimestampedException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
