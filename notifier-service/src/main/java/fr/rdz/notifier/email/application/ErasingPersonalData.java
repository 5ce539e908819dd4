package fr.rdz.notifier.email.application;

import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import fr.rdz.kit.PersonalDataSweep;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The personal data notifier keeps for the operators — the CSVs as e-mailed ({@code sent_csvs}) and the batches of
 * failed e-mails ({@code failed_mails}) — erased when the person is erased ({@code rdz.person.erased.v1}, by phone
 * hash) and when its oldest lead passes the retention limit (kit's retention job). Idempotent: what is erased is no
 * longer found.
 */
public class ErasingPersonalData {

    private final SentCsvs csvs;
    private final FailedMails failedMails;
    private final Clock clock;

    public ErasingPersonalData(SentCsvs csvs, FailedMails failedMails, Clock clock) {
        this.csvs = csvs;
        this.failedMails = failedMails;
        this.clock = clock;
    }

    /** Everything kept with this person's phone; emits how many documents were erased. */
    public Mono<Long> personErased(PersonErased event) {
        String hash = Pii.phoneHash(event.phone());
        Instant now = clock.instant();
        return Flux.concat(
                        csvs.withPhone(hash).concatMap(id -> csvs.erase(id, now)),
                        failedMails.withPhone(hash).concatMap(id -> failedMails.erase(id, now)))
                .filter(Boolean::booleanValue)
                .count();
    }

    public Mono<Long> csvsReceivedBefore(Instant limit, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> csvs.receivedBefore(limit, pageSize), id -> csvs.erase(id, clock.instant()), pageSize);
    }

    public Mono<Long> failedMailsReceivedBefore(Instant limit, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> failedMails.receivedBefore(limit, pageSize),
                id -> failedMails.erase(id, clock.instant()),
                pageSize);
    }
}
