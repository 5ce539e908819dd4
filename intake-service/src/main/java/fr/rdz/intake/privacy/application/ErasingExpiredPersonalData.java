package fr.rdz.intake.privacy.application;

import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataSweep;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in intake: a lead received before the limit
 * is erased exactly as an erasure of the person erases it ({@link PersonalData#erase}); visitor
 * sessions, tracking events and quarantined bodies older than the limit are deleted (the lead keeps
 * its attribution in its own source). Run daily by the kit's retention job.
 */
@Service
public class ErasingExpiredPersonalData {

    private final PersonalData<?> store;
    private final Clock clock;

    public ErasingExpiredPersonalData(PersonalData<?> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Leads received before {@code expiredBefore}: erased, page by page; emits how many. */
    public Mono<Long> leads(Instant expiredBefore, int pageSize) {
        return leads(store, expiredBefore, pageSize);
    }

    private <L> Mono<Long> leads(PersonalData<L> store, Instant expiredBefore, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> store.receivedBefore(expiredBefore, pageSize),
                lead -> store.erase(lead, clock.instant()),
                pageSize);
    }

    /** Visitor sessions opened before {@code expiredBefore}: deleted. */
    public Mono<Long> sessions(Instant expiredBefore, int pageSize) {
        return store.deleteSessionsBefore(expiredBefore);
    }

    /** Tracking events recorded before {@code expiredBefore}: deleted. */
    public Mono<Long> tracking(Instant expiredBefore, int pageSize) {
        return store.deleteTrackingBefore(expiredBefore);
    }

    /** Quarantined bodies received before {@code expiredBefore}: deleted. */
    public Mono<Long> quarantine(Instant expiredBefore, int pageSize) {
        return store.deleteQuarantineBefore(expiredBefore);
    }
}
