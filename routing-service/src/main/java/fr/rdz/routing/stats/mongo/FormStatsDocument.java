package fr.rdz.routing.stats.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The resets of one form's card (seed "reset stats"): the all-time totals at the last reset (the
 * card shows what came since), and every snapshot taken before a reset, which stays viewable.
 * Keyed by form code; written with its version read, so two resets cannot interleave.
 */
@Document("form_stats")
public record FormStatsDocument(
        @Id String formCode, Map<String, Long> baseline, Instant since, List<Snapshot> snapshots, long version) {

    /** The card as it was when an admin reset it. */
    public record Snapshot(String id, Instant takenAt, String takenBy, Instant since, Map<String, Long> counts) {}
}
