package fr.rdz.console.forms.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.PageOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** The LPs and forms of routing's catalog that an operator may see, as the Formulaires &amp; LP pages list them. */
final class CatalogLists {

    private CatalogLists() {}

    /** Every active LP the operator may see. */
    static Mono<List<Map<String, Object>>> lps(ServiceClients services, PageOperator op) {
        return BackendCalls.get(services.routing(), "/admin/lps").map(a -> visible(op, a));
    }

    /** Every active form the operator may see, with its card's figures. */
    static Mono<List<Map<String, Object>>> forms(ServiceClients services, PageOperator op) {
        return BackendCalls.get(services.routing(), "/admin/forms").map(a -> visible(op, a));
    }

    static List<Map<String, Object>> visible(PageOperator op, BackendAnswer answer) {
        return answer.listOrEmpty().stream()
                .filter(i -> op.canSee(i.get("entity")))
                .toList();
    }

    static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> items) {
        return items.stream()
                .collect(Collectors.toMap(
                        i -> String.valueOf(i.get("code")), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
