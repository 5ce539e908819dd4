package fr.rdz.delivery.run.application;

import fr.rdz.events.Entity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A daily run as recorded: {@code PLANNING} while its owner holds the lease, then {@code RECORDED} (batches, ledger
 * and outbox written), then {@code PUBLISHED} or {@code PUBLISH_FAILED}.
 *
 * @param leaseUntil until when the owner's lease holds (null once the run is no longer planned)
 * @param plannedAt when it was recorded (null while planning)
 * @param runCompletedEvent the {@code RunCompleted} envelope fixed when it was recorded (JSON)
 */
public record RunRecord(
        String id,
        Entity entity,
        LocalDate date,
        String state,
        Instant leaseUntil,
        Instant plannedAt,
        String runCompletedEvent) {

    public static final String PLANNING = "PLANNING";
    public static final String RECORDED = "RECORDED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String PUBLISH_FAILED = "PUBLISH_FAILED";

    public boolean planning() {
        return PLANNING.equals(state);
    }

    public boolean recorded() {
        return RECORDED.equals(state);
    }

    /** Its planner is gone: nobody renewed the lease in time. */
    public boolean leaseLapsed(Instant now) {
        return leaseUntil == null || leaseUntil.isBefore(now);
    }
}
