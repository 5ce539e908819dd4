package fr.rdz.console.commandes.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Commandes: list, create, edit, deactivate (routing's {@code /admin/commandes}); a commande's page
 * adds its week from delivery ({@code /admin/commandes/{id}/progress}: quota, delivered so far,
 * today's target, last batches).
 */
@Controller
@RequestMapping("/commandes")
class CommandesPageController {

    private final ServiceClients services;

    CommandesPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping
    Mono<String> list(
            ServerWebExchange exchange,
            @RequestParam(required = false) String entity,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) String product,
            Model model) {
        return Operators.current(exchange).flatMap(op -> {
            String shown = op.listEntity(entity);
            return Mono.zip(
                            BackendCalls.get(
                                    services.routing(),
                                    "/admin/commandes",
                                    BackendCalls.query("entity", shown, "client_id", clientId, "product", product)),
                            clients(op))
                    .map(t -> {
                        BackendAnswer answer = t.getT1();
                        model.addAttribute("operator", op);
                        model.addAttribute("entity", shown);
                        model.addAttribute("clientId", clientId);
                        model.addAttribute("product", product);
                        model.addAttribute("products", Labels.PRODUCTS);
                        model.addAttribute("error", answer.ok() ? null : answer.message());
                        model.addAttribute("clients", t.getT2());
                        model.addAttribute(
                                "commandes",
                                answer.listOrEmpty().stream()
                                        .filter(c -> op.canSee(c.get("entity")))
                                        .sorted(Comparator.comparing(
                                                        (Map<String, Object> c) -> String.valueOf(c.get("entity")))
                                                .thenComparing(
                                                        c -> ((Number) c.getOrDefault("priority", 0)).intValue()))
                                        .toList());
                        return "commandes/list";
                    });
        });
    }

    @GetMapping("/new")
    Mono<String> createForm(
            ServerWebExchange exchange,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) String entity,
            Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return clients(op).map(clients -> {
                String clientEntity = entity;
                if (clientId != null && clients.containsKey(clientId)) {
                    clientEntity = String.valueOf(clients.get(clientId).get("entity"));
                }
                return form(
                        model, op, CommandeForm.empty(op, clientId, clientEntity), new FieldErrors(), null, clients);
            });
        });
    }

    @PostMapping
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            CommandeForm form = CommandeForm.from(t.getT2());
            return clients(op).flatMap(clients -> {
                FieldErrors errors = form.check(op);
                if (!errors.isEmpty()) {
                    return Mono.just(form(model, op, form, errors, null, clients));
                }
                return BackendCalls.send(services.routing(), HttpMethod.POST, "/admin/commandes", form.body())
                        .map(answer -> answer.ok()
                                ? "redirect:/commandes/" + answer.body().get("id") + "?created"
                                : refused(model, op, form, answer, null, clients));
            });
        });
    }

    @GetMapping("/{id}")
    Mono<String> show(ServerWebExchange exchange, @PathVariable String id, Model model) {
        return Operators.current(exchange).flatMap(op -> BackendCalls.get(
                        services.routing(), "/admin/commandes/{id}", id)
                .flatMap(answer -> {
                    answer.found("Commande introuvable.");
                    Object clientId = answer.body().get("client_id");
                    return Mono.zip(
                                    BackendCalls.get(services.delivery(), "/admin/commandes/{id}/progress", id),
                                    BackendCalls.get(services.routing(), "/admin/clients/{id}", clientId))
                            .map(t -> {
                                model.addAttribute("operator", op);
                                model.addAttribute("commande", answer.body());
                                model.addAttribute(
                                        "client", t.getT2().ok() ? t.getT2().body() : null);
                                model.addAttribute(
                                        "progress", t.getT1().ok() ? t.getT1().body() : null);
                                model.addAttribute(
                                        "progressError",
                                        t.getT1().ok() ? null : t.getT1().message());
                                return "commandes/show";
                            });
                }));
    }

    @GetMapping("/{id}/edit")
    Mono<String> editForm(ServerWebExchange exchange, @PathVariable String id, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/commandes/{id}", id), clients(op))
                    .map(t -> {
                        t.getT1().found("Commande introuvable.");
                        return form(
                                model,
                                op,
                                CommandeForm.of(t.getT1().body()),
                                new FieldErrors(),
                                t.getT1().body(),
                                t.getT2());
                    });
        });
    }

    @PostMapping("/{id}")
    Mono<String> update(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            CommandeForm form = CommandeForm.from(t.getT2());
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/commandes/{id}", id), clients(op))
                    .flatMap(z -> {
                        z.getT1().found("Commande introuvable.");
                        FieldErrors errors = form.check(op);
                        if (!errors.isEmpty()) {
                            return Mono.just(
                                    form(model, op, form, errors, z.getT1().body(), z.getT2()));
                        }
                        return BackendCalls.send(
                                        services.routing(), HttpMethod.PUT, "/admin/commandes/{id}", form.body(), id)
                                .map(answer -> answer.ok()
                                        ? "redirect:/commandes/" + id + "?saved"
                                        : refused(
                                                model,
                                                op,
                                                form,
                                                answer,
                                                z.getT1().body(),
                                                z.getT2()));
                    });
        });
    }

    @PostMapping("/{id}/deactivate")
    Mono<String> deactivate(ServerWebExchange exchange, @PathVariable String id) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return BackendCalls.get(services.routing(), "/admin/commandes/{id}", id)
                    .flatMap(existing -> {
                        existing.found("Commande introuvable.");
                        Map<String, Object> body = new LinkedHashMap<>(
                                CommandeForm.of(existing.body()).body());
                        body.put("active", false);
                        return BackendCalls.send(services.routing(), HttpMethod.PUT, "/admin/commandes/{id}", body, id)
                                .map(answer -> {
                                    if (!answer.ok()) {
                                        throw new ResponseStatusException(
                                                HttpStatus.valueOf(answer.status()), answer.message());
                                    }
                                    return "redirect:/commandes/" + id + "?deactivated";
                                });
                    });
        });
    }

    /** The clients the operator may choose, by id (for the select and for names in lists). */
    private Mono<Map<String, Map<String, Object>>> clients(PageOperator op) {
        return BackendCalls.get(services.routing(), "/admin/clients").map(answer -> answer.listOrEmpty().stream()
                .filter(c -> op.canSee(c.get("entity")))
                .sorted(Comparator.comparing(c -> String.valueOf(c.get("name")).toLowerCase()))
                .collect(Collectors.toMap(
                        c -> String.valueOf(c.get("id")), Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    private String refused(
            Model model,
            PageOperator op,
            CommandeForm form,
            BackendAnswer answer,
            Map<String, Object> existing,
            Map<String, Map<String, Object>> clients) {
        if (answer.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
        }
        return form(model, op, form, FieldErrors.fromBackend(answer.body(), CommandeForm.FIELDS), existing, clients);
    }

    private static String form(
            Model model,
            PageOperator op,
            CommandeForm form,
            FieldErrors errors,
            Map<String, Object> existing,
            Map<String, Map<String, Object>> clients) {
        model.addAttribute("operator", op);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("clients", clients.values().stream().toList());
        model.addAttribute("products", Labels.PRODUCTS);
        model.addAttribute("days", Labels.DAYS);
        return "commandes/form";
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
