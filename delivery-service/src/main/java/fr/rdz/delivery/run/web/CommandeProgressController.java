package fr.rdz.delivery.run.web;

import fr.rdz.delivery.run.application.CommandeProgress;
import fr.rdz.delivery.run.application.ReadingCommandeProgress;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.kit.Problems;
import fr.rdz.kit.RdzSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /admin/commandes/{id}/progress?date=}: a commande's week for the console's commande page. */
@RestController
@SecurityRequirement(name = "basic")
class CommandeProgressController {

    private final ReadingCommandeProgress reading;

    CommandeProgressController(ReadingCommandeProgress reading) {
        this.reading = reading;
    }

    record TodayRunResponse(
            String runId,
            String state,
            int delivered,
            @com.fasterxml.jackson.annotation.JsonProperty("short") boolean isShort,
            List<RunController.ShortReasonResponse> shortReasons) {}

    record LastBatchResponse(
            String batchId,
            String runId,
            LocalDate date,
            String runState,
            int target,
            int delivered,
            int fresh,
            int lb,
            int crossEntity,
            int duplicatesReplaced,
            @com.fasterxml.jackson.annotation.JsonProperty("short") boolean isShort,
            List<RunController.ShortReasonResponse> shortReasons,
            List<String> leadIds,
            List<String> channels,
            Map<String, RunController.ChannelResponse> outcomes,
            int failedLeads) {

        static LastBatchResponse of(CommandeProgress.DatedBatch dated) {
            RunController.BatchResponse b = RunController.BatchResponse.of(dated.batch());
            return new LastBatchResponse(
                    b.batchId(),
                    dated.runId(),
                    dated.date(),
                    dated.runState(),
                    b.target(),
                    b.delivered(),
                    b.fresh(),
                    b.lb(),
                    b.crossEntity(),
                    b.duplicatesReplaced(),
                    b.isShort(),
                    b.shortReasons(),
                    b.leadIds(),
                    b.channels(),
                    b.outcomes(),
                    b.failedLeads());
        }
    }

    record ProgressResponse(
            String commandeId,
            String clientId,
            String clientName,
            Entity entity,
            String product,
            boolean active,
            int weeklyQuota,
            List<DeliveryDay> deliveryDays,
            int lbMaxPercent,
            boolean allowCrossEntity,
            LocalDate date,
            LocalDate weekStart,
            LocalDate weekEnd,
            int deliveredThisWeek,
            int deliveredBeforeDate,
            int remainingThisWeek,
            int todayTarget,
            TodayRunResponse todayRun,
            List<LastBatchResponse> lastBatches) {

        static ProgressResponse of(CommandeProgress p) {
            var c = p.commande();
            TodayRunResponse today = null;
            if (p.todayRun() != null) {
                RunController.BatchResponse b =
                        RunController.BatchResponse.of(p.todayRun().batch());
                today = new TodayRunResponse(
                        p.todayRun().runId(), p.todayRun().state(), b.delivered(), b.isShort(), b.shortReasons());
            }
            return new ProgressResponse(
                    c.id(),
                    c.clientId(),
                    p.clientName(),
                    c.entity(),
                    c.product() == null ? null : c.product().name(),
                    c.active() && !c.deleted(),
                    c.weeklyQuota(),
                    c.deliveryDays(),
                    c.lbMaxPercent(),
                    c.allowCrossEntity(),
                    p.date(),
                    p.weekStart(),
                    p.weekEnd(),
                    p.deliveredThisWeek(),
                    p.deliveredBeforeDate(),
                    p.remainingThisWeek(),
                    p.todayTarget(),
                    today,
                    p.lastBatches().stream().map(LastBatchResponse::of).toList());
        }
    }

    @GetMapping("/admin/commandes/{id}/progress")
    @Operation(summary = "A commande's week: quota, delivered so far, today's target, its last batches")
    Mono<ProgressResponse> progress(@PathVariable String id, @RequestParam Map<String, String> params) {
        Problems.Checks checks = Problems.checks().onlyKnown(params.keySet(), Set.of("date"));
        LocalDate date = checks.date("date", params.get("date"));
        checks.orFail();
        return RdzSecurity.currentOperator()
                .flatMap(op -> reading.progress(id, date, op))
                .map(ProgressResponse::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("no commande " + id)));
    }
}
