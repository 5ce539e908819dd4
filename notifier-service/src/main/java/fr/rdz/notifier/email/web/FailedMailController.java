package fr.rdz.notifier.email.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.Problems;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.notifier.email.application.FailedMails;
import fr.rdz.notifier.email.application.ReplayingFailedMails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Failed e-mails (batches whose e-mail reached the dead-letter topic): list them, replay one, several, a
 * client's or all, and answer the result of each batch (notifier-service/README.md, admin routes).
 */
@RestController
@RequestMapping("/admin/failed-mails")
@SecurityRequirement(name = "basic")
class FailedMailController {

    private static final Set<String> STATUSES =
            Set.of(FailedMails.OPEN, FailedMails.REPLAYED, FailedMails.SENT, FailedMails.ERASED);

    private final FailedMails failedMails;
    private final ReplayingFailedMails replaying;

    FailedMailController(FailedMails failedMails, ReplayingFailedMails replaying) {
        this.failedMails = failedMails;
        this.replaying = replaying;
    }

    record FailedMailView(
            String batchId,
            String runId,
            LocalDate runDate,
            Entity entity,
            String product,
            String clientId,
            String clientName,
            int leadCount,
            String reason,
            int attempts,
            Instant deadLetteredAt,
            String status,
            Instant replayedAt,
            String replayedBy,
            int replayCount,
            String lastReplayResult,
            Instant sentAt) {

        static FailedMailView of(FailedMails.FailedMail f) {
            return new FailedMailView(
                    f.batchId(),
                    f.runId(),
                    f.runDate(),
                    f.entity(),
                    f.product(),
                    f.clientId(),
                    f.clientName(),
                    f.leadCount(),
                    f.reason(),
                    f.attempts(),
                    f.deadLetteredAt(),
                    f.status(),
                    f.replayedAt(),
                    f.replayedBy(),
                    f.replayCount(),
                    f.lastReplayResult(),
                    f.sentAt());
        }
    }

    /** What to replay: exactly one of the four (the documented example replays every one still to send). */
    record ReplayRequest(
            @Schema(description = "One batch") String batchId,
            @Schema(description = "Several batches") List<String> batchIds,
            @Schema(description = "Every failed e-mail of this client still to send") String clientId,
            @Schema(description = "Every failed e-mail still to send", example = "true") Boolean all) {}

    record ResultView(String batchId, String clientId, String result, String reason, String message) {}

    record ReplayAnswer(int replayed, int sent, List<ResultView> results) {}

    @GetMapping
    @Operation(summary = "Batches whose e-mail reached the dead-letter topic: reason, batch, client, entity, date")
    Flux<FailedMailView> list(@RequestParam Map<String, String> params) {
        Problems.Checks checks =
                Problems.checks().onlyKnown(params.keySet(), Set.of("client_id", "entity", "status", "from", "to"));
        Entity entity = null;
        String entityParam = params.get("entity");
        if (entityParam != null && !entityParam.isBlank()) {
            try {
                entity = Entity.valueOf(entityParam.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.invalid("entity", "Entité inconnue « " + entityParam + " » : ZR7 ou MDL.");
            }
        }
        String status = blankToNull(params.get("status"));
        if (status != null && !STATUSES.contains(status)) {
            checks.invalid("status", "Statut inconnu « " + status + " » : open, replayed, sent ou erased.");
        }
        LocalDate from = checks.date("from", params.get("from"));
        LocalDate to = checks.date("to", params.get("to"));
        if (from != null && to != null && from.isAfter(to)) {
            checks.invalid("to", "La fin de la période est avant son début.");
        }
        checks.orFail();
        FailedMails.Filter filter =
                new FailedMails.Filter(blankToNull(params.get("client_id")), entity, status, from, to);
        return RdzSecurity.currentOperator().flatMapMany(op -> failedMails
                .list(filter)
                .filter(f -> f.entity() == null || op.canSee(f.entity()))
                .map(FailedMailView::of));
    }

    @PostMapping("/replay")
    @Operation(
            summary = "Send failed e-mails now (once per batch: a batch already sent is never sent again)",
            description = "Body: {\"batch_id\": …}, {\"batch_ids\": […]}, {\"client_id\": …} or {\"all\": true}"
                    + " (exactly one). By client or all: the ones still to send.")
    Mono<ReplayAnswer> replay(@RequestBody(required = false) ReplayRequest body) {
        Problems.Checks checks = Problems.checks();
        List<String> ids = new ArrayList<>();
        int selectors = 0;
        if (body != null && body.batchId() != null) {
            if (body.batchId().isBlank()) {
                checks.invalid("batch_id", "Identifiant de lot vide.");
            }
            ids.add(body.batchId());
            selectors++;
        }
        if (body != null && body.batchIds() != null) {
            if (body.batchIds().isEmpty() || body.batchIds().stream().anyMatch(i -> i == null || i.isBlank())) {
                checks.invalid("batch_ids", "La liste des lots est vide ou contient un identifiant vide.");
            }
            ids.addAll(body.batchIds());
            selectors++;
        }
        String clientId = body == null ? null : body.clientId();
        if (clientId != null) {
            if (clientId.isBlank()) {
                checks.invalid("client_id", "Identifiant de client vide.");
            }
            selectors++;
        }
        boolean all = body != null && Boolean.TRUE.equals(body.all());
        if (all) {
            selectors++;
        }
        if (selectors != 1) {
            checks.invalid(
                    "batch_id",
                    selectors == 0
                            ? "Indiquez quoi renvoyer : batch_id, batch_ids, client_id ou all."
                            : "Un seul choix à la fois : batch_id, batch_ids, client_id ou all.");
        }
        checks.orFail();
        ReplayingFailedMails.Selection selection = new ReplayingFailedMails.Selection(ids, clientId, all);
        return RdzSecurity.currentOperator()
                .flatMap(op -> replaying.replay(selection, op))
                .map(results -> new ReplayAnswer(
                        (int) results.stream()
                                .filter(r -> !ReplayingFailedMails.NOT_FOUND.equals(r.result()))
                                .count(),
                        (int) results.stream()
                                .filter(r -> ReplayingFailedMails.SENT.equals(r.result()))
                                .count(),
                        results.stream()
                                .map(r ->
                                        new ResultView(r.batchId(), r.clientId(), r.result(), r.reason(), r.message()))
                                .toList()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
