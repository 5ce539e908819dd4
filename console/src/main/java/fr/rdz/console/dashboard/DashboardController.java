package fr.rdz.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.console.client.ServiceCallException;
import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.web.ConsoleContext;
import fr.rdz.console.web.ConsoleModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tableau de bord: routing's {@code /admin/stats} for the chosen period and entity, as figures,
 * charts per day and a detail table grouped by the chosen dimension. Two calls (per day and per
 * dimension) plus the client and commande lists that name the rows — never the leads.
 */
@Controller
public class DashboardController {

    /** The filters the dashboard passes to {@code /admin/stats} as they are. */
    static final List<String> FILTERS =
            List.of("product", "departement", "form", "lp", "utm_source", "utm_campaign", "client", "commande");

    static final Map<String, String> DETAILS = new LinkedHashMap<>();

    static {
        DETAILS.put("entity", "Entité");
        DETAILS.put("product", "Produit");
        DETAILS.put("departement", "Département");
        DETAILS.put("form", "Formulaire");
        DETAILS.put("lp", "LP");
        DETAILS.put("utm_source", "Source UTM");
        DETAILS.put("client", "Client");
        DETAILS.put("commande", "Commande");
    }

    private static final Set<String> DETAIL_COLUMNS = Set.of(
            "received",
            "valid",
            "routed",
            "no_order",
            "delivered",
            "delivered_fresh",
            "delivered_lb",
            "delivered_cross_entity",
            "duplicates_replaced",
            "commandes_short",
            "email_failures",
            "push_failures",
            "rejected");

    private final ServiceClients services;
    private final ObjectMapper json;
    private final Clock clock;

    public DashboardController(ServiceClients services, ObjectMapper json, Clock clock) {
        this.services = services;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/")
    public Mono<String> dashboard(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "entity") String detail,
            @RequestParam MultiValueMap<String, String> params,
            ServerWebExchange exchange,
            Model model) {
        Period chosen = Period.of(period, from, to, clock);
        String groupBy = DETAILS.containsKey(detail) ? detail : "entity";
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = params.getFirst(f);
            if (v != null && !v.isBlank()) {
                filters.put(f, v.trim());
            }
        }
        return ConsoleModel.context(exchange).flatMap(console -> {
            Mono<JsonNode> perDay = stats(console, chosen, filters, "day");
            Mono<DetailTable> perDetail = stats(console, chosen, filters, groupBy)
                    .map(body -> new DetailTable(body, null))
                    .onErrorResume(ServiceCallException.class, e -> Mono.just(new DetailTable(null, e.error())));
            Mono<Map<String, String>> clients = names("/admin/clients", console, "name");
            Mono<Map<String, String>> commandes = services.routing()
                    .get("/admin/commandes", query(console))
                    .map(list -> {
                        Map<String, String> names = new LinkedHashMap<>();
                        list.forEach(c -> names.put(
                                c.path("id").asText(),
                                c.path("product").asText() + " " + String.join(",", texts(c.path("departements")))
                                        + " (" + c.path("client_id").asText() + ")"));
                        return names;
                    });
            return Mono.zip(perDay, perDetail, clients, commandes).map(t -> {
                JsonNode day = t.getT1();
                model.addAttribute("period", chosen);
                model.addAttribute("filters", filters);
                model.addAttribute("detail", groupBy);
                model.addAttribute("details", DETAILS);
                model.addAttribute("totals", day.path("totals"));
                model.addAttribute("labels", Counters.LABELS);
                model.addAttribute("clients", t.getT3());
                model.addAttribute("commandes", t.getT4());
                model.addAttribute("detailTable", t.getT2());
                model.addAttribute(
                        "detailColumns",
                        Counters.LABELS.keySet().stream()
                                .filter(DETAIL_COLUMNS::contains)
                                .toList());
                model.addAttribute("charts", charts(day, chosen));
                return "dashboard/dashboard";
            });
        });
    }

    /** The detail table's answer, or why routing could not group that way. */
    public record DetailTable(JsonNode body, String error) {
        public List<JsonNode> rows() {
            List<JsonNode> rows = new ArrayList<>();
            if (body != null) {
                body.path("rows").forEach(rows::add);
                rows.sort((a, b) -> Long.compare(
                        b.path("received").asLong() + b.path("delivered").asLong(),
                        a.path("received").asLong() + a.path("delivered").asLong()));
            }
            return rows;
        }
    }

    private Mono<JsonNode> stats(ConsoleContext console, Period period, Map<String, String> filters, String groupBy) {
        MultiValueMap<String, String> q = query(console);
        q.add("from", period.from().toString());
        q.add("to", period.to().toString());
        q.add("group_by", groupBy);
        filters.forEach(q::add);
        return services.routing().get("/admin/stats", q);
    }

    private Mono<Map<String, String>> names(String path, ConsoleContext console, String field) {
        return services.routing().get(path, query(console)).map(list -> {
            Map<String, String> names = new LinkedHashMap<>();
            list.forEach(c -> names.put(c.path("id").asText(), c.path(field).asText()));
            return names;
        });
    }

    private static MultiValueMap<String, String> query(ConsoleContext console) {
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        q.add("entity", console.entityParam());
        return q;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The charts' data (JSON for console.js): per day series, delivery mix, invalid reasons, failures. */
    private Map<String, String> charts(JsonNode perDay, Period period) {
        // every day of the period, zero when nothing happened (routing answers only days with figures)
        Map<String, JsonNode> byDay = new LinkedHashMap<>();
        perDay.path("rows").forEach(r -> byDay.put(r.path("day").asText(), r));
        List<String> days = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        for (java.time.LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            days.add(String.format("%02d/%02d", d.getDayOfMonth(), d.getMonthValue()));
            rows.add(byDay.getOrDefault(d.toString(), json.createObjectNode()));
        }
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put(
                "chart-flow",
                chart(
                        "line",
                        days,
                        rows,
                        false,
                        Map.of(
                                "received",
                                "#2e90fa",
                                "valid",
                                "#12b76a",
                                "routed",
                                "#7a5af8",
                                "delivered",
                                "#f79009")));
        charts.put(
                "chart-delivered",
                chart(
                        "bar",
                        days,
                        rows,
                        true,
                        Map.of(
                                "delivered_fresh",
                                "#12b76a",
                                "delivered_lb",
                                "#f2b705",
                                "delivered_cross_entity",
                                "#7a5af8")));
        charts.put(
                "chart-problems",
                chart(
                        "bar",
                        days,
                        rows,
                        false,
                        Map.of(
                                "duplicates_replaced",
                                "#98a2b3",
                                "commandes_short",
                                "#f79009",
                                "email_failures",
                                "#f04438",
                                "push_failures",
                                "#b42318",
                                "rejected",
                                "#475467")));
        JsonNode totals = perDay.path("totals");
        List<String> reasons = List.of("invalid_phone", "missing_required", "double_submit", "orphan", "no_order");
        Map<String, Object> doughnut = new LinkedHashMap<>();
        doughnut.put("type", "doughnut");
        doughnut.put("labels", reasons.stream().map(Counters::label).toList());
        doughnut.put(
                "datasets",
                List.of(Map.of(
                        "label", "Non livrables",
                        "data",
                                reasons.stream()
                                        .map(r -> totals.path(r).asLong())
                                        .toList(),
                        "colors", List.of("#f04438", "#f79009", "#98a2b3", "#7a5af8", "#2e90fa"))));
        charts.put("chart-invalid", write(doughnut));
        return charts;
    }

    private String chart(
            String type, List<String> days, List<JsonNode> rows, boolean stacked, Map<String, String> series) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        // fixed order: the order of the counters' labels
        for (String counter : Counters.LABELS.keySet()) {
            if (!series.containsKey(counter)) {
                continue;
            }
            List<Long> data = new ArrayList<>();
            rows.forEach(r -> data.add(r.path(counter).asLong()));
            datasets.add(Map.of("label", Counters.label(counter), "data", data, "color", series.get(counter)));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("labels", days);
        chart.put("stacked", stacked);
        chart.put("datasets", datasets);
        return write(chart);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
