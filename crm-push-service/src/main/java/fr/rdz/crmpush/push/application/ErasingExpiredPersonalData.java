package fr.rdz.crmpush.push.application;

import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataSweep;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in crm-push: a push of a lead received before the
 * limit is erased exactly as an erasure of the person erases it ({@link PushPersonalData#erase}), with its
 * dead letter; a dead letter recorded before the limit (even one without ledger entry) too. Run daily by
 * the kit's retention job.
 */
public class ErasingExpiredPersonalData {

    private final PushPersonalData data;
    private final Clock clock;

    public ErasingExpiredPersonalData(PushPersonalData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** Ledger entries (and their dead letters) of leads received before {@code expiredBefore}: erased, page by page. */
    public Mono<Long> pushes(Instant expiredBefore, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> data.receivedBefore(expiredBefore, pageSize),
                pushId -> data.erase(pushId, clock.instant()),
                pageSize);
    }

    /** Dead letters recorded before {@code expiredBefore} not erased yet: erased, page by page. */
    public Mono<Long> deadLetters(Instant expiredBefore, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> data.deadLetteredBefore(expiredBefore, pageSize),
                pushId -> data.erase(pushId, clock.instant()),
                pageSize);
    }
}
