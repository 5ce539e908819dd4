package fr.rdz.console.clients.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** Clients: list, create, edit, deactivate (routing's {@code /admin/clients}). */
@Controller
@RequestMapping("/clients")
class ClientsPageController {

    private final ServiceClients services;

    ClientsPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping
    Mono<String> list(ServerWebExchange exchange, @RequestParam(required = false) String entity, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            String shown = op.listEntity(entity);
            return BackendCalls.get(services.routing(), "/admin/clients", BackendCalls.query("entity", shown))
                    .map(answer -> {
                        model.addAttribute("operator", op);
                        model.addAttribute("entity", shown);
                        model.addAttribute("error", answer.ok() ? null : answer.message());
                        model.addAttribute(
                                "clients",
                                answer.listOrEmpty().stream()
                                        .filter(c -> op.canSee(c.get("entity")))
                                        .sorted(Comparator.comparing(c ->
                                                String.valueOf(c.get("name")).toLowerCase()))
                                        .toList());
                        return "clients/list";
                    });
        });
    }

    @GetMapping("/new")
    Mono<String> createForm(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).map(op -> {
            op.requireAdmin();
            return form(model, op, ClientForm.empty(op), new FieldErrors(), null);
        });
    }

    @PostMapping
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            ClientForm form = ClientForm.from(t.getT2());
            FieldErrors errors = form.check(op, true, false);
            if (!errors.isEmpty()) {
                return Mono.just(form(model, op, form, errors, null));
            }
            return BackendCalls.send(services.routing(), HttpMethod.POST, "/admin/clients", form.body())
                    .map(answer -> answer.ok()
                            ? "redirect:/clients/" + answer.body().get("id") + "?created"
                            : refused(model, op, form, answer, null));
        });
    }

    @GetMapping("/{id}")
    Mono<String> show(ServerWebExchange exchange, @PathVariable String id, Model model) {
        return Operators.current(exchange).flatMap(op -> BackendCalls.get(services.routing(), "/admin/clients/{id}", id)
                .flatMap(answer -> {
                    answer.found("Client introuvable.");
                    return BackendCalls.get(services.routing(), "/admin/commandes", BackendCalls.query("client_id", id))
                            .map(commandes -> {
                                model.addAttribute("operator", op);
                                model.addAttribute("client", answer.body());
                                model.addAttribute(
                                        "commandes",
                                        commandes.listOrEmpty().stream()
                                                .filter(c -> id.equals(c.get("client_id")))
                                                .toList());
                                return "clients/show";
                            });
                }));
    }

    @GetMapping("/{id}/edit")
    Mono<String> editForm(ServerWebExchange exchange, @PathVariable String id, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return BackendCalls.get(services.routing(), "/admin/clients/{id}", id)
                    .map(answer -> {
                        answer.found("Client introuvable.");
                        return form(model, op, ClientForm.of(answer.body()), new FieldErrors(), answer.body());
                    });
        });
    }

    @PostMapping("/{id}")
    Mono<String> update(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            ClientForm form = ClientForm.from(t.getT2());
            return BackendCalls.get(services.routing(), "/admin/clients/{id}", id)
                    .flatMap(existing -> {
                        existing.found("Client introuvable.");
                        boolean hasKey = Boolean.TRUE.equals(existing.body().get("has_api_key"));
                        FieldErrors errors = form.check(op, false, hasKey);
                        if (!errors.isEmpty()) {
                            return Mono.just(form(model, op, form, errors, existing.body()));
                        }
                        return BackendCalls.send(
                                        services.routing(), HttpMethod.PUT, "/admin/clients/{id}", form.body(), id)
                                .map(answer -> answer.ok()
                                        ? "redirect:/clients/" + id + "?saved"
                                        : refused(model, op, form, answer, existing.body()));
                    });
        });
    }

    /** Deactivation keeps the client (and its history) but stops its deliveries: PUT with active=false. */
    @PostMapping("/{id}/deactivate")
    Mono<String> deactivate(ServerWebExchange exchange, @PathVariable String id) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return BackendCalls.get(services.routing(), "/admin/clients/{id}", id)
                    .flatMap(existing -> {
                        existing.found("Client introuvable.");
                        Map<String, Object> body = new LinkedHashMap<>(
                                ClientForm.of(existing.body()).body());
                        body.put("active", false);
                        return BackendCalls.send(services.routing(), HttpMethod.PUT, "/admin/clients/{id}", body, id)
                                .map(answer -> {
                                    if (!answer.ok()) {
                                        throw new ResponseStatusException(
                                                HttpStatus.valueOf(answer.status()), answer.message());
                                    }
                                    return "redirect:/clients/" + id + "?deactivated";
                                });
                    });
        });
    }

    private String refused(
            Model model, PageOperator op, ClientForm form, BackendAnswer answer, Map<String, Object> existing) {
        if (answer.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
        }
        return form(model, op, form, FieldErrors.fromBackend(answer.body(), ClientForm.FIELDS), existing);
    }

    private static String form(
            Model model, PageOperator op, ClientForm form, FieldErrors errors, Map<String, Object> existing) {
        model.addAttribute("operator", op);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("channels", fr.rdz.console.pages.support.Labels.CHANNELS);
        return "clients/form";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
