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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Formulaires &amp; LP: the seed's form cards by product (colour, figures since the last reset,
 * linked LP), create / edit (PUT) / duplicate / archive of forms and LPs, the brief modal and the
 * admin-only reset of a form's figures (routing stores a snapshot first, listed on the form's page).
 */
@Controller
class FormsPageController {

    private final ServiceClients services;

    FormsPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/forms")
    Mono<String> cards(
            ServerWebExchange exchange,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String archives,
            Model model) {
        boolean archived = archives != null;
        return Operators.current(exchange).flatMap(op -> {
            String shown = op.listEntity(entity);
            var query = BackendCalls.query("entity", shown, "status", archived ? "archived" : null);
            Mono<BackendAnswer> listedLps =
                    BackendCalls.get(services.routing(), "/admin/lps", query).cache();
            // every active LP (for the cards' links) is the listed one unless an entity or the archives are shown
            Mono<BackendAnswer> allLps =
                    query.isEmpty() ? listedLps : BackendCalls.get(services.routing(), "/admin/lps");
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/forms", query), listedLps, allLps)
                    .map(t -> {
                        List<Map<String, Object>> formList = visible(op, t.getT1());
                        Map<String, List<Map<String, Object>>> byProduct = new LinkedHashMap<>();
                        Labels.PRODUCTS.keySet().forEach(p -> byProduct.put(p, new ArrayList<>()));
                        formList.forEach(f -> byProduct
                                .computeIfAbsent(String.valueOf(f.get("product")), p -> new ArrayList<>())
                                .add(f));
                        model.addAttribute("operator", op);
                        model.addAttribute("entity", shown);
                        model.addAttribute("archived", archived);
                        model.addAttribute("byProduct", byProduct);
                        model.addAttribute("formCount", formList.size());
                        model.addAttribute("products", Labels.PRODUCTS);
                        model.addAttribute("lps", visible(op, t.getT2()));
                        model.addAttribute("lpsByCode", byCode(visible(op, t.getT3())));
                        String error = !t.getT1().ok()
                                ? t.getT1().message()
                                : !t.getT2().ok() ? t.getT2().message() : null;
                        model.addAttribute("error", error);
                        return "formulaires/cards";
                    });
        });
    }

    // ---------------------------------------------------------------- forms

    @GetMapping("/forms/new")
    Mono<String> newForm(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            requireAdmin(op);
            return lps(op).map(lps -> formPage(model, op, FormForm.empty(op), new FieldErrors(), null, lps));
        });
    }

    @PostMapping("/forms")
    Mono<String> createForm(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            requireAdmin(op);
            FormForm form = FormForm.from(t.getT2());
            return lps(op).flatMap(lps -> {
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

    @GetMapping("/forms/{code:[A-Z]+-\\d+}")
    Mono<String> showForm(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> Mono.zip(
                        BackendCalls.get(services.routing(), "/admin/forms/{code}", code),
                        BackendCalls.get(services.routing(), "/admin/forms/{code}/stats/snapshots", code))
                .flatMap(t -> {
                    found(t.getT1(), "Formulaire introuvable.");
                    Object lpCode = t.getT1().body().get("lp_code");
                    Mono<BackendAnswer> lp = lpCode == null
                            ? Mono.just(new BackendAnswer(404, null, null, null))
                            : BackendCalls.get(services.routing(), "/admin/lps/{code}", lpCode);
                    return lp.map(lpAnswer -> {
                        model.addAttribute("operator", op);
                        model.addAttribute("f", t.getT1().body());
                        model.addAttribute("lp", lpAnswer.ok() ? lpAnswer.body() : null);
                        model.addAttribute("snapshots", t.getT2().listOrEmpty());
                        model.addAttribute(
                                "snapshotsError",
                                t.getT2().ok() ? null : t.getT2().message());
                        return "formulaires/show";
                    });
                }));
    }

    @GetMapping("/forms/{code:[A-Z]+-\\d+}/edit")
    Mono<String> editForm(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            requireAdmin(op);
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/forms/{code}", code), lps(op))
                    .map(t -> {
                        found(t.getT1(), "Formulaire introuvable.");
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
            requireAdmin(op);
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/forms/{code}", code), lps(op))
                    .flatMap(z -> {
                        found(z.getT1(), "Formulaire introuvable.");
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

    /** The brief modal (htmx fragment; a whole page when opened directly). */
    @GetMapping("/forms/{code:[A-Z]+-\\d+}/brief")
    Mono<String> brief(
            ServerWebExchange exchange,
            @PathVariable String code,
            @RequestParam(defaultValue = "A") String mode,
            @RequestParam(name = "produit", required = false) String product,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String chosenMode = "B".equalsIgnoreCase(mode) ? "B" : "A";
        return Operators.current(exchange).flatMap(op -> Mono.zip(
                        BackendCalls.get(services.routing(), "/admin/forms/{code}", code),
                        BackendCalls.get(
                                services.routing(),
                                "/admin/forms/{code}/brief",
                                BackendCalls.query("mode", chosenMode),
                                code))
                .flatMap(t -> {
                    found(t.getT1(), "Formulaire introuvable.");
                    found(t.getT2(), "Brief introuvable.");
                    String chosenProduct = product != null && Labels.PRODUCTS.containsKey(product)
                            ? product
                            : String.valueOf(t.getT1().body().get("product"));
                    return redirectFor(op, t.getT1().body(), chosenProduct).map(redirect -> {
                        model.addAttribute("operator", op);
                        model.addAttribute("f", t.getT1().body());
                        model.addAttribute("brief", t.getT2().body());
                        model.addAttribute("mode", chosenMode);
                        model.addAttribute("product", chosenProduct);
                        model.addAttribute("products", Labels.PRODUCTS);
                        model.addAttribute("redirect", redirect);
                        return htmx != null ? "formulaires/brief :: modal" : "formulaires/brief";
                    });
                }));
    }

    /**
     * Admin: makes the thank-you page chosen in the brief modal the form's redirect URL (PUT of the
     * form), so that the scripts routing generates redirect there; answers the modal again.
     */
    @PostMapping("/forms/{code:[A-Z]+-\\d+}/redirect")
    Mono<String> useRedirect(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            requireAdmin(op);
            String url = t.getT2().getFirst("redirect_url");
            String mode = t.getT2().getFirst("mode");
            String product = t.getT2().getFirst("produit");
            return BackendCalls.get(services.routing(), "/admin/forms/{code}", code)
                    .flatMap(existing -> {
                        found(existing, "Formulaire introuvable.");
                        FormForm form = FormForm.of(existing.body());
                        FormForm changed = new FormForm(
                                form.code(),
                                form.entity(),
                                form.product(),
                                form.name(),
                                form.lpCode(),
                                url == null ? "" : url.trim());
                        FieldErrors errors = changed.check(op, false);
                        if (errors.has("redirect_url")) {
                            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, errors.of("redirect_url"));
                        }
                        return BackendCalls.send(
                                        services.routing(),
                                        HttpMethod.PUT,
                                        "/admin/forms/{code}",
                                        changed.updateBody(),
                                        code)
                                .flatMap(answer -> {
                                    if (!answer.ok()) {
                                        throw new ResponseStatusException(
                                                HttpStatus.valueOf(answer.status()), answer.message());
                                    }
                                    model.addAttribute("applied", true);
                                    return brief(
                                            exchange,
                                            code,
                                            mode == null ? "A" : mode,
                                            product,
                                            exchange.getRequest().getHeaders().getFirst("HX-Request"),
                                            model);
                                });
                    });
        });
    }

    /**
     * The thank-you page for the product chosen in the modal: the form's own redirect URL for its
     * product, else that of a form of the chosen product linked to the same LP (or of the same entity).
     */
    private Mono<Map<String, Object>> redirectFor(PageOperator op, Map<String, Object> form, String product) {
        if (product.equals(String.valueOf(form.get("product")))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("url", form.get("redirect_url"));
            r.put("from", form.get("code"));
            return Mono.just(r);
        }
        return BackendCalls.get(
                        services.routing(),
                        "/admin/forms",
                        BackendCalls.query("entity", String.valueOf(form.get("entity")), "product", product))
                .map(answer -> {
                    List<Map<String, Object>> candidates = visible(op, answer).stream()
                            .filter(f -> product.equals(String.valueOf(f.get("product"))))
                            .filter(f -> f.get("redirect_url") != null)
                            .toList();
                    Map<String, Object> best = candidates.stream()
                            .filter(f -> form.get("lp_code") != null
                                    && form.get("lp_code").equals(f.get("lp_code")))
                            .findFirst()
                            .orElse(candidates.isEmpty() ? null : candidates.get(0));
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("url", best == null ? null : best.get("redirect_url"));
                    r.put("from", best == null ? null : best.get("code"));
                    return r;
                });
    }

    // ---------------------------------------------------------------- LPs

    @GetMapping("/lps/new")
    Mono<String> newLp(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            requireAdmin(op);
            return forms(op).map(forms -> lpPage(model, op, LpForm.empty(op), new FieldErrors(), null, forms));
        });
    }

    @PostMapping("/lps")
    Mono<String> createLp(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            requireAdmin(op);
            LpForm form = LpForm.from(t.getT2());
            return forms(op).flatMap(forms -> {
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

    /** One LP: its address, the form it feeds (card link) and the forms linked to it. */
    @GetMapping("/lps/{code:LP-\\d+}")
    Mono<String> showLp(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange)
                .flatMap(op -> Mono.zip(BackendCalls.get(services.routing(), "/admin/lps/{code}", code), forms(op))
                        .map(t -> {
                            found(t.getT1(), "LP introuvable.");
                            model.addAttribute("operator", op);
                            model.addAttribute("lp", t.getT1().body());
                            model.addAttribute(
                                    "linkedForms",
                                    t.getT2().stream()
                                            .filter(f -> code.equals(f.get("lp_code")))
                                            .toList());
                            return "formulaires/lp-show";
                        }));
    }

    @GetMapping("/lps/{code}/edit")
    Mono<String> editLp(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            requireAdmin(op);
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/lps/{code}", code), forms(op))
                    .map(t -> {
                        found(t.getT1(), "LP introuvable.");
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
            requireAdmin(op);
            return Mono.zip(BackendCalls.get(services.routing(), "/admin/lps/{code}", code), forms(op))
                    .flatMap(z -> {
                        found(z.getT1(), "LP introuvable.");
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
            requireAdmin(op);
            return BackendCalls.send(services.routing(), method, uri, null, code)
                    .map(answer -> {
                        found(answer, "Élément introuvable.");
                        return answer;
                    });
        });
    }

    private Mono<List<Map<String, Object>>> lps(PageOperator op) {
        return BackendCalls.get(services.routing(), "/admin/lps").map(a -> visible(op, a));
    }

    private Mono<List<Map<String, Object>>> forms(PageOperator op) {
        return BackendCalls.get(services.routing(), "/admin/forms").map(a -> visible(op, a));
    }

    private static List<Map<String, Object>> visible(PageOperator op, BackendAnswer answer) {
        return answer.listOrEmpty().stream()
                .filter(i -> op.canSee(i.get("entity")))
                .toList();
    }

    private static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> items) {
        return items.stream()
                .collect(Collectors.toMap(
                        i -> String.valueOf(i.get("code")), Function.identity(), (a, b) -> a, LinkedHashMap::new));
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

    static void requireAdmin(PageOperator op) {
        if (!op.admin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Réservé aux administrateurs.");
        }
    }

    static void found(BackendAnswer answer, String notFound) {
        if (answer.notFound()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notFound);
        }
        if (!answer.ok()) {
            throw new ResponseStatusException(HttpStatus.valueOf(answer.status()), answer.message());
        }
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
