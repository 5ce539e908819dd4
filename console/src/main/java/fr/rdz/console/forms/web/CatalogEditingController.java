package fr.rdz.console.forms.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.forms.web.CatalogForms.FormForm;
import fr.rdz.console.forms.web.CatalogForms.LpForm;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Formulaires &amp; LP, what admins change: create / edit (PUT) / duplicate / archive of forms and LPs
 * (every field error shown next to its field at once) and the reset of a form's figures (routing stores
 * a snapshot first, listed on the form's page).
 */
@Controller
class CatalogEditingController {

    private final ServiceClients services;

    CatalogEditingController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/forms/new")
    Mono<String> newForm(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return CatalogLists.lps(services, op)
                    .map(lps -> formPage(model, op, FormForm.empty(op), new FieldErrors(), null, lps));
        });
    }

    @PostMapping("/forms")
    Mono<String> createForm(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            FormForm form = FormForm.from(t.getT2());
            return CatalogLists.lps(services, op).flatMap(lps -> {
                FieldErrors errors = form.check(op, true);
                if (!errors.isEmpty()) {
                    return Mono.just(formPage(model, op, form, errors, null, lps));
                }
                return BackendCalls.send(services.routing(), HttpMethod.POST, "/admin/forms", form.createBody())
                        .map(answer -> answer.ok()
                                ? "redirect:/forms/" + answer.body().get("code") + "?created"
                                : refusedForm(model, op, form, answer, null, lps));
            });
        });
    }

    @GetMapping("/forms/{code:[A-Z]+-\\d+}/edit")
    Mono<String> editForm(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return Mono.zip(
                            BackendCalls.get(services.routing(), "/admin/forms/{code}", code),
                            CatalogLists.lps(services, op))
                    .map(t -> {
                        t.getT1().found("Formulaire introuvable.");
                        return formPage(
                                model,
                                op,
                                FormForm.of(t.getT1().body()),
                                new FieldErrors(),
                                t.getT1().body(),
                                t.getT2());
                    });
        });
    }

    @PostMapping("/forms/{code:[A-Z]+-\\d+}")
    Mono<String> updateForm(@PathVariable String code, ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            return Mono.zip(
                            BackendCalls.get(services.routing(), "/admin/forms/{code}", code),
                            CatalogLists.lps(services, op))
                    .flatMap(z -> {
                        z.getT1().found("Formulaire introuvable.");
                        Map<String, Object> existing = z.getT1().body();
                        FormForm typed = FormForm.from(t.getT2());
                        // code, entity and product are fixed once created
                        FormForm form = new FormForm(
                                String.valueOf(existing.get("code")),
                                String.valueOf(existing.get("entity")),
                                String.valueOf(existing.get("product")),
                                typed.name(),
                                typed.lpCode(),
                                typed.redirectUrl());
                        FieldErrors errors = form.check(op, false);
                        if (!errors.isEmpty()) {
                            return Mono.just(formPage(model, op, form, errors, existing, z.getT2()));
                        }
                        return BackendCalls.send(
                                        services.routing(),
                                        HttpMethod.PUT,
                                        "/admin/forms/{code}",
                                        form.updateBody(),
                                        code)
                                .map(answer -> answer.ok()
                                        ? "redirect:/forms/" + code + "?saved"
                                        : refusedForm(model, op, form, answer, existing, z.getT2()));
                    });
        });
    }

    @PostMapping("/forms/{code:[A-Z]+-\\d+}/duplicate")
    Mono<String> duplicate(ServerWebExchange exchange, @PathVariable String code) {
        return adminAction(exchange, HttpMethod.POST, "/admin/forms/{code}/duplicate", code)
                .map(answer -> "redirect:/forms/" + answer.body().get("code") + "/edit?duplicated=" + code);
    }

    @PostMapping("/forms/{code:[A-Z]+-\\d+}/archive")
    Mono<String> archive(ServerWebExchange exchange, @PathVariable String code) {
        return adminAction(exchange, HttpMethod.POST, "/admin/forms/{code}/archive", code)
                .map(answer -> "redirect:/forms?archived_form=" + code);
    }

    /** Admin only: routing stores a snapshot of the card's figures, then starts them again from zero. */
    @PostMapping("/forms/{code:[A-Z]+-\\d+}/reset-stats")
    Mono<String> resetStats(ServerWebExchange exchange, @PathVariable String code) {
        return adminAction(exchange, HttpMethod.POST, "/admin/forms/{code}/stats/reset", code)
                .map(answer ->
                        "redirect:/forms/" + code + "?reset=" + answer.body().get("id"));
    }

    @GetMapping("/lps/new")
    Mono<String> newLp(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return CatalogLists.forms(services, op)
                    .map(forms -> lpPage(model, op, LpForm.empty(op), new FieldErrors(), null, forms));
        });
    }

    @PostMapping("/lps")
    Mono<String> createLp(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            LpForm form = LpForm.from(t.getT2());
            return CatalogLists.forms(services, op).flatMap(forms -> {
                FieldErrors errors = form.check(op, true);
                if (!errors.isEmpty()) {
                    return Mono.just(lpPage(model, op, form, errors, null, forms));
                }
                return BackendCalls.send(services.routing(), HttpMethod.POST, "/admin/lps", form.createBody())
                        .map(answer -> answer.ok()
                                ? "redirect:/forms?lp_created=" + answer.body().get("code")
                                : refusedLp(model, op, form, answer, null, forms));
            });
        });
    }

    @GetMapping("/lps/{code}/edit")
    Mono<String> editLp(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return Mono.zip(
                            BackendCalls.get(services.routing(), "/admin/lps/{code}", code),
                            CatalogLists.forms(services, op))
                    .map(t -> {
                        t.getT1().found("LP introuvable.");
                        return lpPage(
                                model,
                                op,
                                LpForm.of(t.getT1().body()),
                                new FieldErrors(),
                                t.getT1().body(),
                                t.getT2());
                    });
        });
    }

    @PostMapping("/lps/{code}")
    Mono<String> updateLp(@PathVariable String code, ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            return Mono.zip(
                            BackendCalls.get(services.routing(), "/admin/lps/{code}", code),
                            CatalogLists.forms(services, op))
                    .flatMap(z -> {
                        z.getT1().found("LP introuvable.");
                        Map<String, Object> existing = z.getT1().body();
                        LpForm typed = LpForm.from(t.getT2());
                        LpForm form = new LpForm(
                                code,
                                String.valueOf(existing.get("entity")),
                                typed.name(),
                                typed.url(),
                                typed.formCode());
                        FieldErrors errors = form.check(op, false);
                        if (!errors.isEmpty()) {
                            return Mono.just(lpPage(model, op, form, errors, existing, z.getT2()));
                        }
                        return BackendCalls.send(
                                        services.routing(),
                                        HttpMethod.PUT,
                                        "/admin/lps/{code}",
                                        form.updateBody(),
                                        code)
                                .map(answer -> answer.ok()
                                        ? "redirect:/forms?lp_saved=" + code
                                        : refusedLp(model, op, form, answer, existing, z.getT2()));
                    });
        });
    }

    @PostMapping("/lps/{code}/archive")
    Mono<String> archiveLp(ServerWebExchange exchange, @PathVariable String code) {
        return adminAction(exchange, HttpMethod.POST, "/admin/lps/{code}/archive", code)
                .map(answer -> "redirect:/forms?lp_archived=" + code);
    }

    // ---------------------------------------------------------------- helpers

    private Mono<BackendAnswer> adminAction(ServerWebExchange exchange, HttpMethod method, String uri, String code) {
        return Operators.current(exchange).flatMap(op -> {
            op.requireAdmin();
            return BackendCalls.send(services.routing(), method, uri, null, code)
                    .map(answer -> {
                        answer.found("Élément introuvable.");
                        return answer;
                    });
        });
    }

    private String refusedForm(
            Model model,
            PageOperator op,
            FormForm form,
            BackendAnswer answer,
            Map<String, Object> existing,
            List<Map<String, Object>> lps) {
        if (answer.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
        }
        return formPage(model, op, form, FieldErrors.fromBackend(answer.body(), FormForm.FIELDS), existing, lps);
    }

    private String refusedLp(
            Model model,
            PageOperator op,
            LpForm form,
            BackendAnswer answer,
            Map<String, Object> existing,
            List<Map<String, Object>> forms) {
        if (answer.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
        }
        return lpPage(model, op, form, FieldErrors.fromBackend(answer.body(), LpForm.FIELDS), existing, forms);
    }

    private static String formPage(
            Model model,
            PageOperator op,
            FormForm form,
            FieldErrors errors,
            Map<String, Object> existing,
            List<Map<String, Object>> lps) {
        model.addAttribute("operator", op);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("lps", lps);
        model.addAttribute("products", Labels.PRODUCTS);
        return "formulaires/form";
    }

    private static String lpPage(
            Model model,
            PageOperator op,
            LpForm form,
            FieldErrors errors,
            Map<String, Object> existing,
            List<Map<String, Object>> forms) {
        model.addAttribute("operator", op);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("forms", forms);
        return "formulaires/lp";
    }
}
