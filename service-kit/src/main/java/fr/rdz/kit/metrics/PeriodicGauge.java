package fr.rdz.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A business gauge (one figure per low-cardinality tag set) read from a store at most once per
 * {@code period}, never at scrape time: the scrape only reads the last figures, so a Prometheus
 * scrape never costs a query (the local Mongo wire server scans for any non-unique query). A tag
 * set no longer read falls back to 0.
 */
public abstract class PeriodicGauge implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PeriodicGauge.class);

    /** One figure of the gauge. */
    public record Reading(Tags tags, long value) {}

    private final String name;
    private final String description;
    private final Duration period;
    private final Map<Tags, AtomicLong> figures = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile Disposable refreshing;

    protected PeriodicGauge(String name, String description, Duration period) {
        this.name = name;
        this.description = description;
        this.period = period;
    }

    /** The current figures: one reading per tag set. */
    protected abstract Flux<Reading> read();

    /** Tag sets that always exist (shown as 0 before the first reading). */
    protected List<Tags> alwaysPresent() {
        return List.of();
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        alwaysPresent().forEach(this::figure);
        if (period != null && !period.isZero() && !period.isNegative()) {
            refreshing = Flux.interval(Duration.ZERO, period)
                    .onBackpressureDrop()
                    .concatMap(tick -> refresh(), 1)
                    .subscribe();
        }
    }

    /** Reads the figures now (also what the periodic refresh does); a failed read keeps the last figures. */
    public Mono<Void> refresh() {
        return read().collectList()
                .doOnNext(readings -> {
                    Set<Tags> seen = new HashSet<>();
                    for (Reading r : readings) {
                        figure(r.tags()).set(r.value());
                        seen.add(r.tags());
                    }
                    figures.forEach((tags, value) -> {
                        if (!seen.contains(tags)) {
                            value.set(0);
                        }
                    });
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("Gauge {} not refreshed: {}", name, e.toString());
                    return Mono.empty();
                });
    }

    private AtomicLong figure(Tags tags) {
        return figures.computeIfAbsent(tags, t -> {
            AtomicLong value = new AtomicLong();
            if (registry != null) {
                Gauge.builder(name, value, AtomicLong::get)
                        .description(description)
                        .tags(t)
                        .strongReference(true)
                        .register(registry);
            }
            return value;
        });
    }

    @Override
    public void destroy() {
        Disposable d = refreshing;
        if (d != null) {
            d.dispose();
        }
    }
}
