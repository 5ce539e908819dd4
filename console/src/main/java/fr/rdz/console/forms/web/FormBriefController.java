package fr.rdz.console.forms.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.forms.web.CatalogForms.FormForm;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The brief modal of a form (mode A/B, the product whose thank-you page the scripts redirect to, copy
 * buttons, scripts shown as code), and the admin's choice of that page as the form's redirect URL.
 */
@Controller
class FormBriefController {

    private final ServiceClients services;

    FormBriefController(ServiceClients services) {
        this.services = services;
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
                    t.getT1().found("Formulaire introuvable.");
                    t.getT2().found("Brief introuvable.");
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
            op.requireAdmin();
            String url = t.getT2().getFirst("redirect_url");
            String mode = t.getT2().getFirst("mode");
            String product = t.getT2().getFirst("produit");
            return BackendCalls.get(services.routing(), "/admin/forms/{code}", code)
                    .flatMap(existing -> {
                        existing.found("Formulaire introuvable.");
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
                    List<Map<String, Object>> candidates = CatalogLists.visible(op, answer).stream()
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
}
