package fr.rdz.console.failures.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Échecs: crm-push's dead letters and notifier's failed e-mails with their reason; replay one, a
 * client's or all, and show what each replay did (crm-push waits a few seconds for the CRM's new answer).
 */
@Controller
@RequestMapping("/failures")
class FailuresPageController {

    /** How long crm-push may wait for the replayed pushes' new answers before the page shows them. */
    static final int PUSH_WAIT_SECONDS = 10;

    private final ServiceClients services;

    FailuresPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping
    Mono<String> page(
            ServerWebExchange exchange,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) String entity,
            @RequestParam(name = "statut", defaultValue = "open") String status,
            Model model) {
        return Operators.current(exchange).flatMap(op -> render(op, clientId, entity, status, model, null, null));
    }

    /** {@code kind} {@code push} or {@code emails}; the form names {@code id}, {@code client_id} or {@code all}. */
    @PostMapping("/{kind:push|emails}/replay")
    Mono<String> replay(@PathVariable String kind, ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            if (!op.admin()) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Réservé aux administrateurs.");
            }
            MultiValueMap<String, String> form = t.getT2();
            Map<String, Object> body = new LinkedHashMap<>();
            String id = form.getFirst("id");
            String client = form.getFirst("client_id");
            boolean push = kind.equals("push");
            String scope;
            if (id != null && !id.isBlank()) {
                body.put(push ? "id" : "batch_id", id);
                scope = push ? "l'échec de push " + id : "l'e-mail du lot " + id;
            } else if (client != null && !client.isBlank()) {
                body.put("client_id", client);
                scope = "les échecs du client";
            } else if (form.containsKey("all")) {
                body.put("all", true);
                scope = "tous les échecs";
            } else {
                return render(op, null, null, "open", model, null, "Choisissez ce qu'il faut rejouer.");
            }
            if (push) {
                body.put("wait_seconds", PUSH_WAIT_SECONDS);
            }
            return BackendCalls.send(
                            push ? services.crmPush() : services.notifier(),
                            HttpMethod.POST,
                            push ? "/admin/dead-letters/replay" : "/admin/failed-mails/replay",
                            body)
                    .flatMap(answer -> {
                        if (answer.forbidden()) {
                            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
                        }
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("kind", push ? "Push CRM" : "E-mails");
                        result.put("scope", scope);
                        result.put("ok", answer.ok());
                        result.put("answer", answer.body());
                        result.put("message", answer.ok() ? null : answer.message());
                        return render(op, form.getFirst("return_client_id"), null, "open", model, result, null);
                    });
        });
    }

    private Mono<String> render(
            PageOperator op,
            String clientId,
            String entity,
            String status,
            Model model,
            Map<String, Object> replay,
            String error) {
        String pushStatus = List.of("open", "replayed", "resolved").contains(status) ? status : null;
        String mailStatus = List.of("open", "replayed", "sent").contains(status) ? status : null;
        String shown = op.listEntity(entity);
        return Mono.zip(
                        BackendCalls.get(
                                services.crmPush(),
                                "/admin/dead-letters",
                                BackendCalls.query("client_id", clientId, "entity", shown, "status", pushStatus)),
                        BackendCalls.get(
                                services.notifier(),
                                "/admin/failed-mails",
                                BackendCalls.query("client_id", clientId, "entity", shown, "status", mailStatus)))
                .map(t -> {
                    model.addAttribute("operator", op);
                    model.addAttribute("clientId", clientId);
                    model.addAttribute("entity", shown);
                    model.addAttribute("status", status);
                    model.addAttribute("deadLetters", visible(op, t.getT1()));
                    model.addAttribute(
                            "deadLettersError",
                            t.getT1().ok() ? null : t.getT1().message());
                    model.addAttribute("failedMails", visible(op, t.getT2()));
                    model.addAttribute(
                            "failedMailsError",
                            t.getT2().ok() ? null : t.getT2().message());
                    model.addAttribute("replay", replay);
                    model.addAttribute("error", error);
                    return "echecs/page";
                });
    }

    private static List<Map<String, Object>> visible(PageOperator op, BackendAnswer answer) {
        return answer.listOrEmpty().stream()
                .filter(i -> op.canSee(i.get("entity")))
                .toList();
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
