package fr.rdz.routing.stats.application;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the dashboard's read models: the figures' counters kept per entity and Paris day, and per form,
 * as each figure is recorded (never summed from the leads nor the figures themselves).
 */
public interface FigureRollups {

    /**
     * The rows of these days and entities ({@code null}: figures without an entity) whose dimension fields equal
     * {@code filters} (field → value), summed per {@code dimensions} (name → field), ordered by their group key.
     */
    Flux<Map<String, Object>> sum(
            Collection<String> days,
            Collection<String> entities,
            Map<String, String> filters,
            Map<String, String> dimensions);

    /** The all-time counters of these forms (absent: nothing recorded for it). */
    Mono<Map<String, Map<String, Long>>> formTotals(Collection<String> formCodes);
}
