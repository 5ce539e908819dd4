package fr.rdz.intake.privacy.application;

import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A person asked routing for erasure ({@code PersonErased}): every intake lead of that phone
 * received up to the erasure is erased ({@link PersonalData#erase}), with its session and
 * tracking events, and the quarantined bodies holding the number are deleted. Idempotent by
 * construction: an erased lead no longer holds the phone, so a redelivered event finds nothing;
 * a lead the same person submits after the erasure is a new consent and is kept.
 */
@Service
public class ErasingPerson {

    private static final Logger log = LoggerFactory.getLogger(ErasingPerson.class);

    private final PersonalData<?> store;
    private final Clock clock;

    public ErasingPerson(PersonalData<?> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Erases the person of {@code event}; emits how many leads were erased. */
    public Mono<Long> erase(PersonErased event) {
        if (event.phone() == null || event.phone().isBlank()) {
            return Mono.just(0L);
        }
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant upTo = event.erasedAt() == null ? now : event.erasedAt();
            return eraseLeads(store, event.phone(), upTo, now)
                    .zipWith(store.deleteQuarantinedWith(event.phone()))
                    .doOnNext(done -> log.info(
                            "Erased {} intake lead(s) and {} quarantined request(s) of {}",
                            done.getT1(),
                            done.getT2(),
                            Pii.maskPhone(event.phone())))
                    .map(done -> done.getT1());
        });
    }

    private static <L> Mono<Long> eraseLeads(PersonalData<L> store, String phone, Instant upTo, Instant now) {
        return store.leadsOf(phone, upTo)
                .concatMap(lead -> store.erase(lead, now))
                .filter(Boolean::booleanValue)
                .count();
    }
}
