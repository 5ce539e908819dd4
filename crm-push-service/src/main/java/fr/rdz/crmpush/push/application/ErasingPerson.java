package fr.rdz.crmpush.push.application;

import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A person asked routing for erasure ({@code PersonErased}): every push of that phone's leads is erased
 * ({@link PushPersonalData#erase}): no personal data left in the ledger or the dead letters, and a push
 * not done yet is never done. Idempotent by construction: an erased push no longer holds the phone (nor
 * its hash), so a redelivered event finds nothing.
 */
public class ErasingPerson {

    private static final Logger log = LoggerFactory.getLogger(ErasingPerson.class);

    private final PushPersonalData data;
    private final Clock clock;

    public ErasingPerson(PushPersonalData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** Erases the pushes of the person of {@code event}; emits how many were erased. */
    public Mono<Long> erase(PersonErased event) {
        if (event.phone() == null || event.phone().isBlank()) {
            return Mono.just(0L);
        }
        return data.pushesOf(event.phone())
                .concatMap(pushId -> data.erase(pushId, clock.instant()))
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(count -> log.info("Erased {} CRM push(es) of {}", count, Pii.maskPhone(event.phone())));
    }
}
