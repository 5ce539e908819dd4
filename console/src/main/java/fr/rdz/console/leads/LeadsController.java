package fr.rdz.console.leads;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.console.client.Page;
import fr.rdz.console.client.ServiceCallException;
import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.web.ConsoleContext;
import fr.rdz.console.web.ConsoleModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Leads: the search (routing's {@code GET /admin/leads}, one page at a time), a lead's detail with
 * its history as a timeline in words and why it was not delivered, and the rejection of a
 * delivered lead for one of its clients (admin).
 */
@Controller
public class LeadsController {

    /** The search fields passed to routing as they are (blank ones left out). */
    static final List<String> SEARCH = List.of(
            "phone",
            "name",
            "email",
            "status",
            "from",
            "to",
            "product",
            "departement",
            "form",
            "lp",
            "utm_source",
            "utm_campaign",
            "quality_tier",
            "client");

    static final int PAGE_SIZE = 50;

    private final ServiceClients services;

    public LeadsController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/leads")
    public Mono<String> search(
            @RequestParam MultiValueMap<String, String> params, ServerWebExchange exchange, Model model) {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String name : SEARCH) {
            String v = params.getFirst(name);
            if (v != null && !v.isBlank()) {
                criteria.put(name, v.trim());
            }
        }
        int page = Math.max(0, parse(params.getFirst("page")));
        boolean fragment = exchange.getRequest().getHeaders().containsKey("HX-Request");
        return ConsoleModel.context(exchange).flatMap(console -> {
            MultiValueMap<String, String> q = entity(console);
            criteria.forEach(q::add);
            q.add("page", Integer.toString(page));
            q.add("size", Integer.toString(PAGE_SIZE));
            model.addAttribute("criteria", criteria);
            model.addAttribute("statuses", LeadWords.STATUSES);
            model.addAttribute("words", WORDS);
            return Mono.zip(services.routing().page("/admin/leads", q), clientNames(console))
                    .map(t -> {
                        model.addAttribute("page", t.getT1());
                        model.addAttribute("clients", t.getT2());
                        model.addAttribute("query", query(criteria));
                        return fragment ? "leads/list :: results" : "leads/list";
                    })
                    .onErrorResume(LeadsController::badRequest, t -> clientNames(console)
                            .map(clients -> {
                                model.addAttribute("clients", clients);
                                model.addAttribute("page", new Page(List.of(), 0, 0, PAGE_SIZE));
                                model.addAttribute("query", query(criteria));
                                ServiceCallException e = (ServiceCallException) t;
                                model.addAttribute("searchError", e.error());
                                model.addAttribute("fieldErrors", e.fieldErrors());
                                return fragment ? "leads/list :: results" : "leads/list";
                            }));
        });
    }

    @GetMapping("/leads/{id}")
    public Mono<String> detail(
            @PathVariable String id,
            @RequestParam(required = false) String done,
            ServerWebExchange exchange,
            Model model) {
        return ConsoleModel.context(exchange)
                .flatMap(console -> Mono.zip(services.routing().get("/admin/leads/{id}", id), clientNames(console))
                        .map(t -> {
                            JsonNode lead = t.getT1();
                            Map<String, String> clients = t.getT2();
                            model.addAttribute("lead", lead);
                            model.addAttribute("clients", clients);
                            model.addAttribute("words", WORDS);
                            model.addAttribute("timeline", timeline(lead, clients));
                            model.addAttribute("rejectable", rejectable(lead));
                            model.addAttribute("done", "rejected".equals(done) ? "Le rejet est enregistré." : null);
                            return "leads/detail";
                        }));
    }

    /** Records a client's rejection; back on the lead with the result, or the refusal next to the form. */
    @PostMapping("/leads/{id}/reject")
    public Mono<String> reject(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String reason = trim(form.getFirst("reason"));
            String client = trim(form.getFirst("client_id"));
            Map<String, String> errors = new LinkedHashMap<>();
            if (reason == null) {
                errors.put("reason", "Indiquez la raison du rejet.");
            }
            if (!errors.isEmpty()) {
                return rejectForm(id, exchange, model, errors, reason, client);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            if (client != null) {
                body.put("client_id", client);
            }
            return services.routing()
                    .post("/admin/leads/{id}/reject", body, id)
                    .thenReturn("redirect:/leads/"
                            + UriComponentsBuilder.fromPath("{id}")
                                    .buildAndExpand(id)
                                    .encode()
                                    .toUriString()
                            + "?done=rejected")
                    .onErrorResume(
                            t -> badRequest(t) || t instanceof ServiceCallException c && c.status() == 409, t -> {
                                ServiceCallException e = (ServiceCallException) t;
                                Map<String, String> refused = new LinkedHashMap<>(e.fieldErrors());
                                if (refused.isEmpty()) {
                                    refused.put("reject", "Rejet refusé : " + e.error());
                                }
                                return rejectForm(id, exchange, model, refused, reason, client);
                            });
        });
    }

    private Mono<String> rejectForm(
            String id,
            ServerWebExchange exchange,
            Model model,
            Map<String, String> errors,
            String reason,
            String client) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        model.addAttribute("rejectErrors", errors);
        model.addAttribute("rejectReason", reason);
        model.addAttribute("rejectClient", client);
        return detail(id, null, exchange, model);
    }

    private List<Map<String, Object>> timeline(JsonNode lead, Map<String, String> clients) {
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        lead.path("history").forEach(h -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("type", h.path("type").asText());
            step.put("at", h.path("at").asText(""));
            step.put("words", LeadWords.step(h, clients));
            step.put("by", h.path("by").asText(""));
            step.put("client_id", h.path("client_id").asText(""));
            step.put("commande_id", h.path("commande_id").asText(""));
            step.put("batch_id", h.path("batch_id").asText(""));
            step.put("run_id", h.path("run_id").asText(""));
            steps.add(step);
        });
        // shown to the minute: steps of the same minute follow the life cycle (planifié before envoyé),
        // whatever the sub-minute clocks of the services that recorded them
        steps.sort(java.util.Comparator.comparing((Map<String, Object> st) -> minute((String) st.get("at")))
                .thenComparingInt(st -> LeadWords.stage((String) st.get("type"))));
        return steps;
    }

    private static String minute(String at) {
        try {
            return java.time.Instant.parse(at)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .toString();
        } catch (RuntimeException e) {
            return at;
        }
    }

    /** The clients a lead was delivered to and that have not rejected it yet: those it may still be rejected for. */
    private static List<JsonNode> rejectable(JsonNode lead) {
        java.util.Set<String> rejected = new java.util.HashSet<>();
        lead.path("rejected_client_ids").forEach(c -> rejected.add(c.asText()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<JsonNode> deliveries = new java.util.ArrayList<>();
        lead.path("deliveries").forEach(d -> {
            String client = d.path("client_id").asText();
            if (!rejected.contains(client) && seen.add(client)) {
                deliveries.add(d);
            }
        });
        return deliveries;
    }

    private Mono<Map<String, String>> clientNames(ConsoleContext console) {
        return services.routing().get("/admin/clients", entity(console)).map(list -> {
            Map<String, String> names = new LinkedHashMap<>();
            list.forEach(c -> names.put(c.path("id").asText(), c.path("name").asText()));
            return names;
        });
    }

    private static MultiValueMap<String, String> entity(ConsoleContext console) {
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        q.add("entity", console.entityParam());
        return q;
    }

    private static String query(Map<String, String> criteria) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        criteria.forEach((k, v) -> b.queryParam(k, "{" + k + "}"));
        return b.encode().buildAndExpand(criteria).toUriString().replaceFirst("^\\?", "");
    }

    private static boolean badRequest(Throwable t) {
        return t instanceof ServiceCallException e && e.status() == 400;
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The words helper for templates ({@code words.status(s)}, {@code words.tone(s)}). */
    public static final Words WORDS = new Words();

    public static final class Words {
        public String status(String s) {
            return LeadWords.status(s);
        }

        public String tone(String s) {
            return LeadWords.tone(s);
        }

        public String kind(String k) {
            return LeadWords.kind(k);
        }
    }
}
