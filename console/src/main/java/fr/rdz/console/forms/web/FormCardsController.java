package fr.rdz.console.forms.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.Operators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Formulaires &amp; LP, what operators read: the seed's form cards by product (colour, figures since the
 * last reset, linked LP) and the LPs, one form's page (its card, LP and the snapshots stored by each reset)
 * and one LP's page. The edit pages are {@link CatalogEditingController}'s, the brief modal
 * {@link FormBriefController}'s.
 */
@Controller
class FormCardsController {

    private final ServiceClients services;

    FormCardsController(ServiceClients services) {
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
                        List<Map<String, Object>> formList = CatalogLists.visible(op, t.getT1());
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
                        model.addAttribute("lps", CatalogLists.visible(op, t.getT2()));
                        model.addAttribute("lpsByCode", CatalogLists.byCode(CatalogLists.visible(op, t.getT3())));
                        String error = !t.getT1().ok()
                                ? t.getT1().message()
                                : !t.getT2().ok() ? t.getT2().message() : null;
                        model.addAttribute("error", error);
                        return "formulaires/cards";
                    });
        });
    }

    @GetMapping("/forms/{code:[A-Z]+-\\d+}")
    Mono<String> showForm(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> Mono.zip(
                        BackendCalls.get(services.routing(), "/admin/forms/{code}", code),
                        BackendCalls.get(services.routing(), "/admin/forms/{code}/stats/snapshots", code))
                .flatMap(t -> {
                    t.getT1().found("Formulaire introuvable.");
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

    /** One LP: its address, the form it feeds (card link) and the forms linked to it. */
    @GetMapping("/lps/{code:LP-\\d+}")
    Mono<String> showLp(ServerWebExchange exchange, @PathVariable String code, Model model) {
        return Operators.current(exchange).flatMap(op -> Mono.zip(
                        BackendCalls.get(services.routing(), "/admin/lps/{code}", code),
                        CatalogLists.forms(services, op))
                .map(t -> {
                    t.getT1().found("LP introuvable.");
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
}
