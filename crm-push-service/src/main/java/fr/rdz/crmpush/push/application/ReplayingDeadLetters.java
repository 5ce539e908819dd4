package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.kit.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-injects dead letters into the task topic with no retry header: a fresh cycle of attempts. Named ids are
 * looked at whatever their state; by client or all (also when nothing is named): only the open ones. A push the
 * ledger already holds final (pushed, refused, erased) is not re-injected — answered {@code already_final} or
 * {@code not_replayable}, its dead letter resolved — and the ledger would refuse a second POST anyway. An operator
 * scoped to one entity replays only that entity's dead letters. The answer has one result per dead letter.
 */
public class ReplayingDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ReplayingDeadLetters.class);

    public static final String REPLAYED = "replayed";
    public static final String ALREADY_FINAL = "already_final";
    public static final String NOT_REPLAYABLE = "not_replayable";
    public static final String NOT_FOUND = "not_found";

    private static final Duration POLL = Duration.ofMillis(200);

    private final DeadLetterStore store;
    private final TaskPublisher tasks;
    private final Clock clock;
    private final PushLedger ledger;

    public ReplayingDeadLetters(DeadLetterStore store, TaskPublisher tasks, Clock clock, PushLedger ledger) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
        this.ledger = ledger;
    }

    /**
     * The result of one dead letter's replay: {@code result} (replayed, already_final, not_replayable,
     * not_found) and where the push stands in the ledger ({@code pushStatus}, null when unknown).
     */
    public record Result(
            String id, String leadId, String batchId, String clientId, String result, PushStatus pushStatus) {

        /** The operator's sentence, in French. */
        public String message() {
            return switch (result) {
                case REPLAYED ->
                    pushStatus == null || pushStatus == PushStatus.DEAD_LETTERED || pushStatus == PushStatus.PENDING
                            ? "Relancé : le lead va être renvoyé au CRM."
                            : "Relancé : " + statusMessage(pushStatus);
                case ALREADY_FINAL ->
                    "Déjà traité (" + (pushStatus == null ? "?" : statusMessage(pushStatus))
                            + ") : rien n'a été renvoyé.";
                case NOT_REPLAYABLE -> "Impossible à relancer : les données du lead ont été effacées.";
                default -> "Aucune lettre morte de ce nom (ou hors de votre périmètre).";
            };
        }

        private static String statusMessage(PushStatus status) {
            return switch (status) {
                case SUCCESS -> "accepté par le CRM";
                case DUPLICATE -> "doublon chez le CRM (le client l'a déjà)";
                case VALIDATION_ERROR -> "refusé par le CRM (données invalides)";
                case AUTH_ERROR -> "refusé par le CRM (clé API refusée)";
                case FAILED -> "échec définitif";
                case RETRYING -> "le CRM ne répond pas, nouvel essai programmé";
                case DEAD_LETTERED -> "en lettre morte";
                case PENDING -> "en attente";
                case ERASED -> "données effacées";
            };
        }
    }

    /**
     * Replays like {@link #replay} and answers one result per dead letter named or selected; a push already final in
     * the ledger is not re-injected (its dead letter is resolved). With a {@code wait} above zero, waits (at most that
     * long) until each re-injected push has a new answer, so the result shows it.
     */
    public Mono<List<Result>> replayWithResults(
            List<String> ids, String clientId, boolean all, Operator operator, Duration wait) {
        Flux<Result> results;
        if (ids != null && !ids.isEmpty()) {
            List<String> named = ids.stream().distinct().toList();
            results = store.byIds(named)
                    .filter(d -> d.entity() == null || operator.canSee(d.entity()))
                    .collectMap(DeadLetter::id)
                    .flatMapMany(found -> Flux.fromIterable(named)
                            .concatMap(id -> found.containsKey(id)
                                    ? replayOne(found.get(id), operator)
                                    : Mono.just(new Result(id, null, null, null, NOT_FOUND, null))));
        } else {
            String client = clientId != null && !clientId.isBlank() ? clientId : null;
            results = store.list(client, DeadLetter.OPEN)
                    .filter(d -> d.entity() == null || operator.canSee(d.entity()))
                    .concatMap(d -> replayOne(d, operator));
        }
        return results.concatMap(r ->
                        REPLAYED.equals(r.result()) && wait != null && !wait.isZero() ? settled(r, wait) : Mono.just(r))
                .collectList()
                .doOnNext(done -> log.info(
                        "{} replayed dead letters: {}",
                        operator.name(),
                        done.stream().map(r -> r.id() + "=" + r.result()).toList()));
    }

    private Mono<Result> replayOne(DeadLetter d, Operator operator) {
        Mono<Optional<LedgerEntry>> entry =
                ledger.find(d.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return entry.flatMap(e -> {
            PushStatus status = e.map(LedgerEntry::status).orElse(null);
            if (status == PushStatus.ERASED || d.task() == null) {
                return Mono.just(result(d, NOT_REPLAYABLE, status));
            }
            if (status != null && status.isFinal()) {
                return store.markResolved(d.id(), clock.instant()).thenReturn(result(d, ALREADY_FINAL, status));
            }
            return tasks.publishRaw(d.recordKey(), d.task())
                    .then(store.markReplayed(d.id(), operator.name(), clock.instant()))
                    .thenReturn(result(d, REPLAYED, status));
        });
    }

    /** Polls the ledger until the re-injected push has a new answer (at most {@code wait}); answers where it stands. */
    private Mono<Result> settled(Result replayed, Duration wait) {
        return Mono.defer(() -> ledger.find(replayed.id()))
                .map(LedgerEntry::status)
                .filter(s -> s != PushStatus.DEAD_LETTERED && s != PushStatus.PENDING)
                .repeatWhenEmpty(repeats -> repeats.take(Math.max(1, wait.toMillis() / POLL.toMillis()))
                        .delayElements(POLL))
                .map(status -> withStatus(replayed, status))
                .switchIfEmpty(Mono.defer(() -> ledger.find(replayed.id())
                        .map(e -> withStatus(replayed, e.status()))
                        .defaultIfEmpty(replayed)));
    }

    private static Result withStatus(Result r, PushStatus status) {
        return new Result(r.id(), r.leadId(), r.batchId(), r.clientId(), r.result(), status);
    }

    private static Result result(DeadLetter d, String result, PushStatus status) {
        return new Result(d.id(), d.leadId(), d.batchId(), d.clientId(), result, status);
    }
}
