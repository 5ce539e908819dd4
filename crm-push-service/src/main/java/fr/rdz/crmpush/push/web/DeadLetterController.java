package fr.rdz.crmpush.push.web;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.crmpush.push.application.DeadLetterStore;
import fr.rdz.crmpush.push.application.PushLedger;
import fr.rdz.crmpush.push.application.ReplayingDeadLetters;
import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.events.Entity;
import fr.rdz.kit.Problems;
import fr.rdz.kit.RdzSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Failed pushes: list the dead letters (never the API key) and replay them (by id, by client, or all). */
@RestController
@RequestMapping("/admin/dead-letters")
@SecurityRequirement(name = "basic")
public class DeadLetterController {

    private static final Set<String> STATUSES = Set.of(DeadLetter.OPEN, DeadLetter.REPLAYED, DeadLetter.RESOLVED);
    static final int MAX_WAIT_SECONDS = 30;

    private final DeadLetterStore store;
    private final ReplayingDeadLetters replaying;
    private final PushLedger ledger;

    public DeadLetterController(DeadLetterStore store, ReplayingDeadLetters replaying, PushLedger ledger) {
        this.store = store;
        this.replaying = replaying;
        this.ledger = ledger;
    }

    @GetMapping
    @Operation(summary = "Dead letters: lead, client, last error, attempts, status (open / replayed / resolved)")
    public Flux<DeadLetterView> list(@RequestParam Map<String, String> params) {
        Problems.Checks checks = Problems.checks()
                .onlyKnown(params.keySet(), Set.of("client_id", "status", "entity", "batch_id", "lead_id"));
        String status = blankToNull(params.get("status"));
        if (status != null && !STATUSES.contains(status)) {
            checks.invalid("status", "Statut inconnu « " + status + " » : open, replayed ou resolved.");
        }
        Entity entity = null;
        String entityParam = blankToNull(params.get("entity"));
        if (entityParam != null) {
            try {
                entity = Entity.valueOf(entityParam.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.invalid("entity", "Entité inconnue « " + entityParam + " » : ZR7 ou MDL.");
            }
        }
        checks.orFail();
        Entity chosen = entity;
        String batchId = blankToNull(params.get("batch_id"));
        String leadId = blankToNull(params.get("lead_id"));
        return RdzSecurity.currentOperator()
                .flatMapMany(operator -> store.list(blankToNull(params.get("client_id")), status)
                        .filter(d -> d.entity() == null || operator.canSee(d.entity()))
                        .filter(d -> chosen == null || d.entity() == chosen)
                        .filter(d -> batchId == null || batchId.equals(d.batchId()))
                        .filter(d -> leadId == null || leadId.equals(d.leadId()))
                        .concatMap(d -> ledger.find(d.id())
                                .map(e -> DeadLetterView.of(d, e.status()))
                                .defaultIfEmpty(DeadLetterView.of(d, null))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @PostMapping("/replay")
    @Operation(
            summary = "Re-inject dead letters into the task topic with retry headers reset",
            description = "Body (or query parameters): {\"id\": \"…\"}, {\"ids\": [\"…\"]}, {\"client_id\": \"…\"} or"
                    + " {\"all\": true}; nothing named = all. By client or all: open dead letters only. A lead already pushed is never"
                    + " POSTed again.")
    public Mono<ReplayAnswer> replay(
            @RequestBody(required = false) ReplayRequest body,
            @RequestParam(name = "id", required = false) String id,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "all", required = false) Boolean all,
            @RequestParam(name = "wait_seconds", required = false) Integer waitSeconds) {
        List<String> ids = new ArrayList<>();
        String client = clientId;
        boolean everything = Boolean.TRUE.equals(all);
        if (id != null) {
            ids.add(id);
        }
        if (body != null) {
            if (body.id() != null) {
                ids.add(body.id());
            }
            if (body.ids() != null) {
                ids.addAll(body.ids());
            }
            if (body.clientId() != null) {
                client = body.clientId();
            }
            everything |= Boolean.TRUE.equals(body.all());
        }
        Integer wait = body != null && body.waitSeconds() != null ? body.waitSeconds() : waitSeconds;
        Problems.Checks checks = Problems.checks();
        if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
            checks.invalid("wait_seconds", "Attente entre 0 et " + MAX_WAIT_SECONDS + " secondes.");
        }
        if (ids.stream().anyMatch(i -> i == null || i.isBlank())) {
            checks.invalid("ids", "Identifiant de lettre morte vide.");
        }
        checks.orFail();
        String chosenClient = client;
        boolean chosenAll = everything;
        Duration waitFor = Duration.ofSeconds(wait == null ? 0 : wait);
        return RdzSecurity.currentOperator()
                .flatMap(operator -> replaying.replayWithResults(ids, chosenClient, chosenAll, operator, waitFor))
                .map(results -> {
                    List<String> replayed = results.stream()
                            .filter(r -> ReplayingDeadLetters.REPLAYED.equals(r.result()))
                            .map(ReplayingDeadLetters.Result::id)
                            .toList();
                    return new ReplayAnswer(
                            replayed.size(),
                            replayed,
                            results.stream().map(ResultView::of).toList());
                });
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** What to replay, and how long to wait for the CRM's new answers (seconds, 0–30). */
    public record ReplayRequest(
            @Schema(description = "One dead letter", example = "push:run-ZR7-2026-11-27:cmd-1:lead-1") String id,
            @Schema(description = "Several dead letters") List<String> ids,
            @Schema(description = "Every open dead letter of this client", example = "cl-solaire-pro") String clientId,
            @Schema(description = "Every open dead letter") Boolean all,
            @Schema(description = "Seconds to wait for the CRM's new answers (0-30)", example = "10")
                    Integer waitSeconds) {}

    /** How many dead letters were re-injected, which, and the result of each one named or selected. */
    public record ReplayAnswer(int replayed, List<String> ids, List<ResultView> results) {}

    /** The result of one dead letter's replay (see crm-push-service/README.md). */
    public record ResultView(
            String id,
            String leadId,
            String batchId,
            String clientId,
            String result,
            String pushStatus,
            String message) {

        static ResultView of(ReplayingDeadLetters.Result r) {
            return new ResultView(
                    r.id(),
                    r.leadId(),
                    r.batchId(),
                    r.clientId(),
                    r.result(),
                    r.pushStatus() == null ? null : r.pushStatus().name().toLowerCase(Locale.ROOT),
                    r.message());
        }
    }

    /** A dead letter as shown: the phone masked, never the API key nor the task record. */
    public record DeadLetterView(
            String id,
            String batchId,
            String leadId,
            String clientId,
            String clientName,
            Entity entity,
            String phone,
            String lastError,
            int attempts,
            String status,
            Instant deadLetteredAt,
            Instant replayedAt,
            int replayCount,
            String replayedBy,
            Instant resolvedAt,
            String pushStatus) {

        static DeadLetterView of(DeadLetter d, PushStatus pushStatus) {
            return new DeadLetterView(
                    d.id(),
                    d.batchId(),
                    d.leadId(),
                    d.clientId(),
                    d.clientName(),
                    d.entity(),
                    d.phoneMasked(),
                    d.lastError(),
                    d.attempts(),
                    d.status(),
                    d.deadLetteredAt(),
                    d.replayedAt(),
                    d.replayCount(),
                    d.replayedBy(),
                    d.resolvedAt(),
                    pushStatus == null ? null : pushStatus.name().toLowerCase(Locale.ROOT));
        }
    }
}
