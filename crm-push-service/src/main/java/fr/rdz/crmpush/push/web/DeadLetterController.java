package fr.rdz.crmpush.push.web;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.crmpush.push.application.DeadLetterStore;
import fr.rdz.crmpush.push.application.ReplayingDeadLetters;
import fr.rdz.events.Entity;
import fr.rdz.kit.RdzSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

    private final DeadLetterStore store;
    private final ReplayingDeadLetters replaying;

    public DeadLetterController(DeadLetterStore store, ReplayingDeadLetters replaying) {
        this.store = store;
        this.replaying = replaying;
    }

    @GetMapping
    @Operation(summary = "Dead letters: lead, client, last error, attempts, status (open / replayed / resolved)")
    public Flux<DeadLetterView> list(
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "status", required = false) String status) {
        return RdzSecurity.currentOperator().flatMapMany(operator -> store.list(clientId, status)
                .filter(d -> d.entity() == null || operator.canSee(d.entity()))
                .map(DeadLetterView::of));
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
            @RequestParam(name = "all", required = false) Boolean all) {
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
        String chosenClient = client;
        boolean chosenAll = everything;
        return RdzSecurity.currentOperator()
                .flatMap(operator -> replaying.replay(ids, chosenClient, chosenAll, operator))
                .map(done -> new ReplayAnswer(done.size(), done));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("status", 400, "error", e.getMessage()));
    }

    /** What to replay. */
    public record ReplayRequest(
            @Schema(description = "One dead letter", example = "push:run-ZR7-2026-11-27:cmd-1:lead-1") String id,
            @Schema(description = "Several dead letters") List<String> ids,
            @Schema(description = "Every open dead letter of this client", example = "cl-solaire-pro") String clientId,
            @Schema(description = "Every open dead letter") Boolean all) {}

    /** How many dead letters were re-injected, and which. */
    public record ReplayAnswer(int replayed, List<String> ids) {}

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
            Instant resolvedAt) {

        static DeadLetterView of(DeadLetter d) {
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
                    d.resolvedAt());
        }
    }
}
