package fr.rdz.routing.stats.web;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.web.QueryParameters;
import fr.rdz.routing.stats.application.ComputingStats;
import fr.rdz.routing.stats.domain.Figure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Dashboard")
@SecurityRequirement(name = "basic")
class StatsController {

    private static final Set<String> PARAMETERS = parameters();

    private final ComputingStats stats;

    StatsController(ComputingStats stats) {
        this.stats = stats;
    }

    @GetMapping("/admin/stats")
    @Operation(
            summary = "Dashboard figures",
            description =
                    "received, valid, invalid by reason, routed, no_order, no_consent, delivered Fresh/LB/cross-entity, "
                            + "duplicates replaced, commandes short, batch targets, e-mail/push failures, rejected. from/to "
                            + "are Paris days (default: the last 30 days); group_by: day (default), entity, product, "
                            + "departement, source (form), form, lp, utm_source, utm_campaign, quality_tier, client, "
                            + "commande, or several comma-separated (day,entity). Filters: product, departement, "
                            + "source/form, lp, utm_source, utm_campaign, quality_tier, client, commande (client and "
                            + "commande keep client-level facts only). Unknown parameters: 400 problem detail.")
    @Parameters({
        @Parameter(name = "entity", in = ParameterIn.QUERY, description = "ZR7 or MDL"),
        @Parameter(name = "from", in = ParameterIn.QUERY),
        @Parameter(name = "to", in = ParameterIn.QUERY),
        @Parameter(name = "group_by", in = ParameterIn.QUERY),
        @Parameter(name = "product", in = ParameterIn.QUERY),
        @Parameter(name = "departement", in = ParameterIn.QUERY),
        @Parameter(name = "source", in = ParameterIn.QUERY),
        @Parameter(name = "form", in = ParameterIn.QUERY),
        @Parameter(name = "lp", in = ParameterIn.QUERY),
        @Parameter(name = "utm_source", in = ParameterIn.QUERY),
        @Parameter(name = "utm_campaign", in = ParameterIn.QUERY),
        @Parameter(name = "quality_tier", in = ParameterIn.QUERY),
        @Parameter(name = "client", in = ParameterIn.QUERY),
        @Parameter(name = "commande", in = ParameterIn.QUERY)
    })
    Mono<ComputingStats.Stats> stats(@Parameter(hidden = true) ServerHttpRequest request) {
        InvalidInput.Collector errors = QueryParameters.unknown(request, PARAMETERS);
        Map<String, String> query = request.getQueryParams().toSingleValueMap();
        Entity entity = null;
        String entityText = query.get("entity");
        if (entityText != null && !entityText.isBlank()) {
            entity = Arrays.stream(Entity.values())
                    .filter(e -> e.name().equalsIgnoreCase(entityText.trim()))
                    .findFirst()
                    .orElse(null);
            errors.check(entity != null, "entity", "unknown value (expected one of ZR7, MDL)");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        Figure.FILTERS.keySet().stream().sorted().forEach(name -> {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.trim());
            }
        });
        String product = filters.get("product");
        errors.check(
                product == null
                        || Arrays.stream(Product.values())
                                .anyMatch(p -> p.name().equalsIgnoreCase(product)),
                "product",
                "unknown value (expected one of PV, PAC, ITE)");
        errors.check(
                !filters.containsKey("form") || !filters.containsKey("source"),
                "source",
                "source and form are the same filter: give one");
        errors.throwIfAny("invalid stats request");
        Entity chosen = entity;
        return RdzSecurity.currentOperator()
                .flatMap(op ->
                        stats.compute(op, chosen, query.get("from"), query.get("to"), query.get("group_by"), filters));
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(Set.of("entity", "from", "to", "group_by"));
        names.addAll(Figure.FILTERS.keySet());
        return Set.copyOf(names);
    }
}
