package fr.rdz.routing.stats.application;

import fr.rdz.routing.shared.domain.RequestRejected;
import fr.rdz.routing.stats.application.FormResets.FormReset;
import fr.rdz.routing.stats.application.FormResets.Snapshot;
import fr.rdz.routing.stats.domain.Figure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The figures of the seed's form cards: each form's counters since its last reset, read from its
 * all-time totals kept as figures are recorded ({@link FigureRollups}, never from leads), minus the totals stored when it was last reset. A reset
 * first stores a snapshot of the card, which stays viewable.
 */
@Service
public class FormCards {

    /** A form's card: its counters since {@code since} (null: since the form exists). */
    public record Card(Map<String, Long> counts, Instant since) {}

    /** The counters a card shows, in order; {@code invalid} is invalid_phone + missing_required. */
    public static final List<String> CARD = List.of(
            Figure.RECEIVED,
            Figure.VALID,
            "invalid",
            Figure.DOUBLE_SUBMIT,
            Figure.ROUTED,
            Figure.NO_ORDER,
            Figure.DELIVERED,
            Figure.DELIVERED_FRESH,
            Figure.DELIVERED_LB,
            Figure.REJECTED);

    /** The figure counters a card is made of. */
    static final List<String> SUMMED = List.of(
            Figure.RECEIVED,
            Figure.VALID,
            Figure.INVALID_PHONE,
            Figure.MISSING_REQUIRED,
            Figure.DOUBLE_SUBMIT,
            Figure.ROUTED,
            Figure.NO_ORDER,
            Figure.DELIVERED,
            Figure.DELIVERED_FRESH,
            Figure.DELIVERED_LB,
            Figure.REJECTED);

    private final FigureRollups figures;
    private final FormResets resets;
    private final Clock clock;

    public FormCards(FigureRollups figures, FormResets resets, Clock clock) {
        this.figures = figures;
        this.resets = resets;
        this.clock = clock;
    }

    /** The cards of these forms, with one aggregation over the figures and one read of their resets. */
    public Mono<Map<String, Card>> cards(Collection<String> formCodes) {
        if (formCodes.isEmpty()) {
            return Mono.just(Map.of());
        }
        Mono<Map<String, Map<String, Long>>> totals = figures.formTotals(formCodes);
        return Mono.zip(totals, resets.of(formCodes)).map(t -> {
            Map<String, Card> cards = new LinkedHashMap<>();
            for (String code : formCodes) {
                FormReset reset = t.getT2().get(code);
                Map<String, Long> all = counts(t.getT1().get(code));
                cards.put(
                        code,
                        new Card(
                                minus(all, reset == null ? null : reset.baseline()),
                                reset == null ? null : reset.since()));
            }
            return cards;
        });
    }

    public Mono<Card> card(String formCode) {
        return cards(List.of(formCode)).map(c -> c.get(formCode));
    }

    /** Stores a snapshot of the card, then restarts it from zero (the baseline becomes today's totals). */
    public Mono<Snapshot> reset(String formCode, String by) {
        Mono<Map<String, Long>> totals = figures.formTotals(List.of(formCode)).map(t -> counts(t.get(formCode)));
        return Mono.zip(
                        totals,
                        resets.of(formCode).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(t -> {
                    Instant now = clock.instant();
                    FormReset old = t.getT2().orElse(null);
                    Map<String, Long> all = t.getT1();
                    Snapshot snapshot = new Snapshot(
                            formCode + "@" + now,
                            now,
                            by,
                            old == null ? null : old.since(),
                            minus(all, old == null ? null : old.baseline()));
                    List<Snapshot> snapshots = new ArrayList<>(old == null ? List.of() : old.snapshots());
                    snapshots.add(snapshot);
                    FormReset changed =
                            new FormReset(formCode, all, now, snapshots, old == null ? 1 : old.version() + 1);
                    return resets.store(changed, old)
                            .flatMap(stored -> stored
                                    ? Mono.just(snapshot)
                                    : Mono.error(() -> RequestRejected.conflict(
                                            "the stats of " + formCode + " were reset meanwhile")));
                });
    }

    /** The snapshots taken before each reset, newest first. */
    public Mono<List<Snapshot>> snapshots(String formCode) {
        return resets.of(formCode)
                .map(d -> d.snapshots().stream()
                        .sorted(Comparator.comparing(Snapshot::takenAt).reversed())
                        .toList())
                .defaultIfEmpty(List.of());
    }

    private static Map<String, Long> counts(Map<String, Long> row) {
        Map<String, Long> card = new LinkedHashMap<>();
        for (String counter : CARD) {
            long value = "invalid".equals(counter)
                    ? value(row, Figure.INVALID_PHONE) + value(row, Figure.MISSING_REQUIRED)
                    : value(row, counter);
            card.put(counter, value);
        }
        return card;
    }

    private static long value(Map<String, Long> row, String counter) {
        return row == null ? 0L : ((Number) row.getOrDefault(counter, 0L)).longValue();
    }

    private static Map<String, Long> minus(Map<String, Long> all, Map<String, Long> baseline) {
        Map<String, Long> result = new LinkedHashMap<>();
        Map<String, Long> base = baseline == null ? new HashMap<>() : baseline;
        all.forEach((k, v) -> result.put(k, Math.max(0L, v - base.getOrDefault(k, 0L))));
        return result;
    }
}
