package fr.rdz.kit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How long RDZ keeps the personal data of a lead (spec §7): a lead received more than
 * {@code limit} ago has its personal data erased, exactly as an erasure of the person would, in
 * every service that holds some. The limit is a calendar period counted in Europe/Paris (as every
 * other window of RDZ); the default, three years, is the CNIL's recommendation for prospects.
 * Property {@code rdz.retention.personal-data} (e.g. {@code P3Y}).
 *
 * @param limit how long after its reception a lead keeps its personal data
 */
public record PersonalDataRetention(Period limit) {

    /** Three years: the CNIL's recommendation for prospect data. */
    public static final Period DEFAULT_LIMIT = Period.ofYears(3);

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public PersonalDataRetention {
        Objects.requireNonNull(limit, "rdz.retention.personal-data is required");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("rdz.retention.personal-data must be positive, got " + limit);
        }
    }

    /**
     * The instant before which a lead's reception makes its personal data expired: now minus the
     * limit, on the Paris calendar. A lead received exactly at that instant is still kept.
     */
    public Instant expiredBefore(Clock clock) {
        return clock.instant().atZone(PARIS).minus(limit).toInstant();
    }

    /** Whether a lead received at {@code receivedAt} is past the limit now; a lead without reception time never is. */
    public boolean isExpired(Instant receivedAt, Clock clock) {
        return receivedAt != null && receivedAt.isBefore(expiredBefore(clock));
    }
}
