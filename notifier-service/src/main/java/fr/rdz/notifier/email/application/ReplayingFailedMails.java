package fr.rdz.notifier.email.application;

import fr.rdz.kit.Operator;
import fr.rdz.notifier.email.domain.FailureReason;
import fr.rdz.notifier.email.domain.OncePerBatchRule;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An operator replays failed e-mails — one or several batches by id, a client's, or all — and sees the
 * result of each at once: the batch is sent now through {@link SendingBatchEmail}, so the once-per-batch
 * rule ({@link OncePerBatchRule}) still decides — a batch sent meanwhile is never sent again, a batch
 * another attempt holds is left to it. Batches are replayed one after the other; by client or all, only
 * those still to send, within the operator's entity scope.
 */
public class ReplayingFailedMails {

    private static final Logger log = LoggerFactory.getLogger(ReplayingFailedMails.class);

    public static final String SENT = "sent";
    public static final String ALREADY_SENT = "already_sent";
    public static final String IN_PROGRESS = "in_progress";
    public static final String FAILED = "failed";
    public static final String NOT_FOUND = "not_found";
    public static final String ERASED = "erased";

    private final FailedMails failedMails;
    private final SentMails sentMails;
    private final SendingBatchEmail sending;
    private final Clock clock;

    public ReplayingFailedMails(FailedMails failedMails, SentMails sentMails, SendingBatchEmail sending, Clock clock) {
        this.failedMails = failedMails;
        this.sentMails = sentMails;
        this.sending = sending;
        this.clock = clock;
    }

    /** What to replay: named batches, or a client's, or all (exactly one). */
    public record Selection(List<String> batchIds, String clientId, boolean all) {}

    /** The result of one batch's replay; {@code reason} only for a failure. */
    public record Result(String batchId, String clientId, String result, String reason) {

        public String message() {
            return switch (result) {
                case SENT -> "E-mail envoyé au client.";
                case ALREADY_SENT -> "Déjà envoyé : rien n'a été renvoyé.";
                case IN_PROGRESS -> "Un envoi de ce lot est déjà en cours : réessayez dans quelques minutes.";
                case FAILED -> "Échec de l'envoi : " + reason;
                case ERASED -> "Impossible à renvoyer : les données des leads ont été effacées.";
                default -> "Aucun e-mail en échec pour ce lot.";
            };
        }
    }

    public Mono<List<Result>> replay(Selection selection, Operator operator) {
        Flux<Result> results;
        if (selection.batchIds() != null && !selection.batchIds().isEmpty()) {
            results = Flux.fromIterable(selection.batchIds().stream().distinct().toList())
                    .concatMap(id -> failedMails
                            .find(id)
                            .filter(f -> f.entity() == null || operator.canSee(f.entity()))
                            .flatMap(f -> replayOne(f, operator))
                            .defaultIfEmpty(new Result(id, null, NOT_FOUND, null)));
        } else {
            String clientId = selection.all() ? null : selection.clientId();
            results = failedMails
                    .list(new FailedMails.Filter(clientId, null, null, null, null))
                    .filter(FailedMails.FailedMail::stillToSend)
                    .filter(f -> f.entity() == null || operator.canSee(f.entity()))
                    .concatMap(f -> replayOne(f, operator));
        }
        return results.collectList()
                .doOnNext(done -> log.info(
                        "{} replayed {} failed e-mail(s): {}",
                        operator.name(),
                        done.size(),
                        done.stream().map(r -> r.batchId() + "=" + r.result()).toList()));
    }

    private Mono<Result> replayOne(FailedMails.FailedMail failed, Operator operator) {
        return Mono.fromCallable(() -> send(failed))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> failedMails
                        .replayed(failed.batchId(), operator.name(), result.result(), clock.instant())
                        .thenReturn(result));
    }

    private Result send(FailedMails.FailedMail failed) {
        String batchId = failed.batchId();
        if (FailedMails.ERASED.equals(failed.status())) {
            return new Result(batchId, failed.clientId(), ERASED, null);
        }
        if (!failed.stillToSend()) {
            return new Result(batchId, failed.clientId(), ALREADY_SENT, null);
        }
        if (failed.batch() == null || !SendingBatchEmail.concerns(failed.batch())) {
            return new Result(batchId, failed.clientId(), NOT_FOUND, null);
        }
        OncePerBatchRule.Decision decision = OncePerBatchRule.decide(sentMails.find(batchId), clock.instant());
        switch (decision) {
            case SKIP_ALREADY_SENT -> {
                failedMails.sent(batchId, clock.instant());
                return new Result(batchId, failed.clientId(), ALREADY_SENT, null);
            }
            case WAIT_IN_PROGRESS -> {
                return new Result(batchId, failed.clientId(), IN_PROGRESS, null);
            }
            default -> {}
        }
        try {
            sending.send(failed.batch(), false);
        } catch (BatchInProgress e) {
            return new Result(batchId, failed.clientId(), IN_PROGRESS, null);
        } catch (RuntimeException e) {
            return new Result(batchId, failed.clientId(), FAILED, FailureReason.of(e));
        }
        if (decision == OncePerBatchRule.Decision.PUBLISH_MISSING_OUTCOME) {
            failedMails.sent(batchId, clock.instant());
            return new Result(batchId, failed.clientId(), ALREADY_SENT, null);
        }
        return new Result(batchId, failed.clientId(), SENT, null);
    }
}
