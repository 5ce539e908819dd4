package fr.rdz.delivery.run.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.outcome.domain.ChannelSummary;
import fr.rdz.delivery.planning.domain.ShortReason;
import fr.rdz.delivery.run.application.PlanningDailyRun;
import fr.rdz.delivery.run.application.RunBeingPlanned;
import fr.rdz.delivery.run.application.RunView;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.kit.Operator;
import fr.rdz.kit.ProblemDetailsAdvice;
import fr.rdz.kit.Problems;
import fr.rdz.kit.RdzSecurity;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Daily runs by hand: {@code POST /admin/runs {entity, date, dry_run}} plans (or previews) the run of
 * an entity for a date — an existing run is returned as it is, nothing new planned —; {@code GET
 * /admin/runs?date=&entity=} and {@code GET /admin/runs/{id}} show runs with their batches' figures and, per batch
 * and channel, what the delivery channels reported (added fields; the spec's fields are unchanged).
 */
@RestController
@RequestMapping("/admin/runs")
@SecurityRequirement(name = "basic")
class RunController {

    private final PlanningDailyRun planning;

    RunController(PlanningDailyRun planning) {
        this.planning = planning;
    }

    record RunRequest(
            @Schema(example = "ZR7", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Entity entity,
            @Schema(example = "2026-11-27", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull LocalDate date,
            @Schema(description = "Preview only: plan and answer, record and deliver nothing", example = "true")
                    Boolean dryRun) {}

    record BatchResponse(
            String batchId,
            String commandeId,
            String clientId,
            String clientName,
            String product,
            List<String> leadIds,
            int fresh,
            int lb,
            int crossEntity,
            int duplicatesReplaced,
            int target,
            @JsonProperty("short") boolean isShort,
            List<String> channels,
            Map<String, ChannelResponse> outcomes,
            int failedLeads,
            List<String> failedLeadIds,
            int delivered,
            int missing,
            List<ShortReasonResponse> shortReasons) {

        static BatchResponse of(RunView.BatchView b) {
            BatchDeliveryOutcome outcome = b.outcome();
            Map<String, ChannelResponse> outcomes = new LinkedHashMap<>();
            outcome.channels().values().forEach(c -> outcomes.put(wire(c.channel()), ChannelResponse.of(c)));
            return new BatchResponse(
                    b.batchId(),
                    b.commandeId(),
                    b.clientId(),
                    b.clientName(),
                    b.product(),
                    b.leadIds(),
                    b.fresh(),
                    b.lb(),
                    b.crossEntity(),
                    b.duplicatesReplaced(),
                    b.target(),
                    b.isShort(),
                    b.channels().stream().map(RunController::wire).toList(),
                    outcomes,
                    outcome.failedLeads(),
                    outcome.failedLeadIds(),
                    b.leadIds().size(),
                    Math.max(0, b.target() - b.leadIds().size()),
                    b.shortReasons().stream().map(ShortReasonResponse::of).toList());
        }
    }

    /** Why a batch is short: code, parameters and the French sentence (delivery-service/README.md). */
    record ShortReasonResponse(String code, Map<String, Object> params, String message) {
        static ShortReasonResponse of(ShortReason r) {
            return new ShortReasonResponse(r.code().name(), r.params(), r.message());
        }
    }

    /** What one channel reported for a batch (spec §6; states and counts in delivery-service/README.md). */
    record ChannelResponse(
            String state,
            int sent,
            int duplicate,
            int failed,
            int retrying,
            int pending,
            OutcomeStatus status,
            String reason,
            Instant at,
            int attempts,
            List<String> failedLeadIds) {

        static ChannelResponse of(ChannelSummary c) {
            return new ChannelResponse(
                    c.state().name().toLowerCase(Locale.ROOT),
                    c.sent(),
                    c.duplicate(),
                    c.failed(),
                    c.retrying(),
                    c.pending(),
                    c.status(),
                    c.reason(),
                    c.at(),
                    c.attempts(),
                    c.failedLeadIds());
        }
    }

    record RunResponse(
            String id,
            Entity entity,
            LocalDate date,
            boolean dryRun,
            String state,
            Instant plannedAt,
            int failedLeads,
            List<BatchResponse> batches) {

        static RunResponse of(RunView run) {
            return new RunResponse(
                    run.id(),
                    run.entity(),
                    run.date(),
                    run.dryRun(),
                    run.state(),
                    run.plannedAt(),
                    run.failedLeads(),
                    run.batches().stream().map(BatchResponse::of).toList());
        }
    }

    private static String wire(OutcomeChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    @PostMapping
    Mono<RunResponse> run(@Valid @RequestBody RunRequest request) {
        return operator()
                .flatMap(op -> {
                    if (!op.canSee(request.entity())) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "entity out of scope"));
                    }
                    return planning.run(request.entity(), request.date(), Boolean.TRUE.equals(request.dryRun()));
                })
                .map(RunResponse::of);
    }

    /** The longest date range {@code GET /admin/runs?from=&to=} answers. */
    static final int MAX_RANGE_DAYS = 92;

    @GetMapping
    Flux<RunResponse> list(@RequestParam Map<String, String> params) {
        Problems.Checks checks = Problems.checks().onlyKnown(params.keySet(), Set.of("date", "from", "to", "entity"));
        LocalDate date = checks.date("date", params.get("date"));
        LocalDate from = checks.date("from", params.get("from"));
        LocalDate to = checks.date("to", params.get("to"));
        Entity entity = null;
        String entityParam = params.get("entity");
        if (entityParam != null && !entityParam.isBlank()) {
            try {
                entity = Entity.valueOf(entityParam.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.invalid("entity", "Entité inconnue « " + entityParam + " » : ZR7 ou MDL.");
            }
        }
        if (date != null && (from != null || to != null)) {
            checks.invalid("date", "Donnez soit une date, soit une période (from/to), pas les deux.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            checks.invalid("to", "La fin de la période est avant son début.");
        } else if (from != null && to != null && from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            checks.invalid("to", "Période trop longue : " + MAX_RANGE_DAYS + " jours au plus.");
        }
        checks.orFail();
        Entity chosen = entity;
        Flux<RunView> runs = date != null || (from == null && to == null)
                ? planning.list(date, chosen)
                : planning.list(from, to, chosen);
        return operator()
                .flatMapMany(op -> runs.filter(run -> op.canSee(run.entity())).map(RunResponse::of));
    }

    @GetMapping("/{id}")
    Mono<RunResponse> get(@PathVariable String id) {
        return operator()
                .flatMap(op -> planning.find(id).filter(run -> op.canSee(run.entity())))
                .map(RunResponse::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id)));
    }

    /** Another instance is planning the run: a clear 409 (with when to ask again), never a half-made run. */
    @ExceptionHandler(RunBeingPlanned.class)
    ResponseEntity<ProblemDetail> beingPlanned(RunBeingPlanned e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, e.getMessage()));
    }

    private static Mono<Operator> operator() {
        return RdzSecurity.currentOperator();
    }
}
