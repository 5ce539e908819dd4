package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.application.RecoveringStalledPushes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs {@link RecoveringStalledPushes} every {@code rdz.crm-push.recovery-interval} (0 or negative: never). */
class RecoveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduler.class);

    private final RecoveringStalledPushes recovering;
    private final Duration interval;
    private volatile Disposable running;

    RecoveryScheduler(RecoveringStalledPushes recovering, Duration interval) {
        this.recovering = recovering;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> recovering.recover().onErrorResume(e -> {
                    log.warn("Recovery sweep failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
