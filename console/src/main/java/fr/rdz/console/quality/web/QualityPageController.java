package fr.rdz.console.quality.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Qualité: routing's quality mappings (utm_campaign → quality tier, seed {@code quality_mappings}),
 * managed here by unscoped admins (mappings are global), with the last 30 days' figures per tier.
 */
@Controller
class QualityPageController {

    static final Set<String> FIELDS = Set.of("utm_campaign", "quality_tier", "label");

    private final ServiceClients services;

    QualityPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/quality")
    Mono<String> page(ServerWebExchange exchange, @RequestParam(required = false) String edit, Model model) {
        return Operators.current(exchange).flatMap(op -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("utm_campaign", "");
            form.put("quality_tier", "");
            form.put("label", "");
            return render(op, model, form, new FieldErrors(), edit);
        });
    }

    /** Create ({@code original} empty) or replace the mapping of {@code original}. */
    @PostMapping("/quality")
    Mono<String> save(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            requireGlobalAdmin(op);
            MultiValueMap<String, String> data = t.getT2();
            String original = trim(data.getFirst("original"));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("utm_campaign", original.isEmpty() ? trim(data.getFirst("utm_campaign")) : original);
            form.put("quality_tier", trim(data.getFirst("quality_tier")));
            form.put("label", trim(data.getFirst("label")));
            FieldErrors errors = check(form);
            String editing = original.isEmpty() ? null : original;
            if (!errors.isEmpty()) {
                return render(op, model, form, errors, editing);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("quality_tier", form.get("quality_tier"));
            body.put("label", form.get("label").isEmpty() ? null : form.get("label"));
            Mono<BackendAnswer> call;
            if (editing == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("utm_campaign", form.get("utm_campaign"));
                created.putAll(body);
                call = BackendCalls.send(services.routing(), HttpMethod.POST, "/admin/quality-mappings", created);
            } else {
                call = BackendCalls.send(
                        services.routing(), HttpMethod.PUT, "/admin/quality-mappings/{campaign}", body, editing);
            }
            return call.flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/quality?saved=" + encode(form.get("utm_campaign")));
                }
                if (answer.forbidden()) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
                }
                FieldErrors refused = answer.status() == 409
                        ? new FieldErrors()
                                .reject(
                                        "utm_campaign",
                                        "Cette campagne a déjà un niveau de qualité : modifiez-le dans la liste.")
                        : FieldErrors.fromBackend(answer.body(), FIELDS);
                return render(op, model, form, refused, editing);
            });
        });
    }

    @PostMapping("/quality/delete")
    Mono<String> delete(ServerWebExchange exchange) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            requireGlobalAdmin(t.getT1());
            String campaign = trim(t.getT2().getFirst("utm_campaign"));
            return BackendCalls.send(
                            services.routing(), HttpMethod.DELETE, "/admin/quality-mappings/{campaign}", null, campaign)
                    .map(answer -> {
                        if (!answer.ok()) {
                            throw new ResponseStatusException(HttpStatus.valueOf(answer.status()), answer.message());
                        }
                        return "redirect:/quality?deleted=" + encode(campaign);
                    });
        });
    }

    private Mono<String> render(
            PageOperator op, Model model, Map<String, String> form, FieldErrors errors, String editing) {
        return Mono.zip(
                        BackendCalls.get(services.routing(), "/admin/quality-mappings"),
                        BackendCalls.get(
                                services.routing(),
                                "/admin/stats",
                                BackendCalls.query("group_by", "quality_tier", "entity", op.listEntity(null))))
                .map(t -> {
                    List<Map<String, Object>> mappings = t.getT1().listOrEmpty().stream()
                            .sorted(Comparator.comparing(m -> String.valueOf(m.get("utm_campaign"))))
                            .toList();
                    Map<String, String> shown = form;
                    if (editing != null && errors.isEmpty()) {
                        shown = mappings.stream()
                                .filter(m -> editing.equals(m.get("utm_campaign")))
                                .findFirst()
                                .map(m -> {
                                    Map<String, String> f = new LinkedHashMap<>();
                                    f.put("utm_campaign", String.valueOf(m.get("utm_campaign")));
                                    f.put("quality_tier", String.valueOf(m.get("quality_tier")));
                                    f.put("label", m.get("label") == null ? "" : String.valueOf(m.get("label")));
                                    return f;
                                })
                                .orElse(form);
                    }
                    model.addAttribute("operator", op);
                    model.addAttribute("canManage", op.admin() && op.entityScope() == null);
                    model.addAttribute("mappings", mappings);
                    model.addAttribute(
                            "mappingsError", t.getT1().ok() ? null : t.getT1().message());
                    model.addAttribute(
                            "tiers", t.getT2().ok() ? t.getT2().body().get("rows") : List.of());
                    model.addAttribute("form", shown);
                    model.addAttribute("editing", editing);
                    model.addAttribute("errors", errors);
                    return "qualite/page";
                });
    }

    static FieldErrors check(Map<String, String> form) {
        FieldErrors errors = new FieldErrors();
        String campaign = form.get("utm_campaign");
        if (campaign.isEmpty()) {
            errors.reject("utm_campaign", "Indiquez la campagne (utm_campaign).");
        } else if (campaign.length() > 200) {
            errors.reject("utm_campaign", "La campagne ne peut dépasser 200 caractères.");
        }
        String tier = form.get("quality_tier");
        if (tier.isEmpty()) {
            errors.reject("quality_tier", "Indiquez le niveau de qualité (ex. premium, A, 1).");
        } else if (!tier.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.reject(
                    "quality_tier",
                    "Le niveau : 1 à 32 caractères parmi lettres sans accent, chiffres, « _ » et « - ».");
        }
        if (form.get("label").length() > 200) {
            errors.reject("label", "Le libellé ne peut dépasser 200 caractères.");
        }
        return errors;
    }

    private static void requireGlobalAdmin(PageOperator op) {
        if (!op.admin() || op.entityScope() != null) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Réservé aux administrateurs sans restriction d'entité (réglage commun).");
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
