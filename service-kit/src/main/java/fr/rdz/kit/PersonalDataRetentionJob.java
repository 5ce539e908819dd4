package fr.rdz.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The retention job of a service: at {@code rdz.retention.cron} (03:00 Europe/Paris by default)
 * it runs every {@link PersonalDataSweep} of the service with the instant
 * {@link PersonalDataRetention#expiredBefore} computes from the injected {@link Clock}, one after
 * the other, and logs how many documents each changed (counts only, never personal data). A failed
 * sweep is logged and the others still run; the next day retries it. Several instances may run it
 * together: every sweep is idempotent and only reads what is still to erase. It runs on a thread
 * of its own, whatever the service's own scheduling.
 */
public class PersonalDataRetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetentionJob.class);
    private static final Duration LONGEST_RUN = Duration.ofHours(6);

    private final PersonalDataRetention retention;
    private final ObjectProvider<PersonalDataSweep> sweeps;
    private final Clock clock;
    private final RetentionProperties properties;
    private volatile ThreadPoolTaskScheduler scheduler;

    public PersonalDataRetentionJob(
            PersonalDataRetention retention,
            ObjectProvider<PersonalDataSweep> sweeps,
            Clock clock,
            RetentionProperties properties) {
        this.retention = retention;
        this.sweeps = sweeps;
        this.clock = clock;
        this.properties = properties;
    }

    /** One run of every sweep, now: documents changed per sweep name (a failed sweep is absent). */
    public Mono<Map<String, Long>> run() {
        return Mono.defer(() -> {
            Instant expiredBefore = retention.expiredBefore(clock);
            List<PersonalDataSweep> all = sweeps.orderedStream().toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            return Flux.fromIterable(all)
                    .concatMap(sweep -> sweep.sweep(expiredBefore, properties.pageSize())
                            .defaultIfEmpty(0L)
                            .doOnNext(count -> {
                                counts.put(sweep.name(), count);
                                log.info(
                                        "Retention {} (leads received before {}): {}: {} document(s) erased",
                                        retention.limit(),
                                        expiredBefore,
                                        sweep.name(),
                                        count);
                            })
                            .onErrorResume(e -> {
                                log.error(
                                        "Retention of {} failed, retried at the next run: {}",
                                        sweep.name(),
                                        e.toString());
                                return Mono.empty();
                            }))
                    .then(Mono.fromSupplier(() -> Map.copyOf(counts)));
        });
    }

    @Override
    public void start() {
        if (!properties.scheduled()) {
            log.info("Retention job not scheduled (rdz.retention.cron is '-')");
            return;
        }
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(1);
        s.setThreadNamePrefix("rdz-retention-");
        s.setDaemon(true);
        s.initialize();
        s.schedule(this::runScheduled, new CronTrigger(properties.cron(), ZoneId.of(properties.zone())));
        scheduler = s;
    }

    private void runScheduled() {
        try {
            run().block(LONGEST_RUN);
        } catch (RuntimeException e) {
            log.error("Retention run failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
