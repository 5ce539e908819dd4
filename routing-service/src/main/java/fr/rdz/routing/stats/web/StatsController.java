package fr.rdz.routing.stats.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.stats.application.ComputingStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Dashboard")
@SecurityRequirement(name = "basic")
class StatsController {

    private final ComputingStats stats;

    StatsController(ComputingStats stats) {
        this.stats = stats;
    }

    @GetMapping("/admin/stats")
    @Operation(
            summary = "Dashboard figures",
            description =
                    "received, valid, invalid by reason, routed, no_order, no_consent, delivered Fresh/LB/cross-entity, "
                            + "duplicates replaced, commandes short, e-mail/push failures, rejected. from/to are Paris "
                            + "days (default: the last 30 days); group_by: day (default), entity, product, departement, "
                            + "source (form), form, lp, utm_source, or several comma-separated (day,entity).")
    Mono<ComputingStats.Stats> stats(
            @RequestParam(required = false) Entity entity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "group_by", required = false) String groupBy) {
        return RdzSecurity.currentOperator().flatMap(op -> stats.compute(op, entity, from, to, groupBy));
    }
}
