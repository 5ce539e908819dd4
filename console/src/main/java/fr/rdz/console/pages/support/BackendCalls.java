package fr.rdz.console.pages.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.console.client.ServiceCallException;
import fr.rdz.console.client.ServiceClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * One call through the console's {@link ServiceClient} (the operator's token), answered as a
 * {@link BackendAnswer} whatever its status, as plain maps and lists for the templates: a form
 * page shows a refusal next to its fields instead of failing, a list page shows what it could
 * read. A service that cannot be reached answers 503 with a French message.
 */
public final class BackendCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackendCalls() {}

    public static Mono<BackendAnswer> get(ServiceClient client, String path, Object... variables) {
        return call(client, HttpMethod.GET, path, new LinkedMultiValueMap<>(), null, variables);
    }

    public static Mono<BackendAnswer> get(
            ServiceClient client, String path, MultiValueMap<String, String> query, Object... variables) {
        return call(client, HttpMethod.GET, path, query, null, variables);
    }

    public static Mono<BackendAnswer> send(
            ServiceClient client, HttpMethod method, String path, Object body, Object... variables) {
        return call(client, method, path, new LinkedMultiValueMap<>(), body, variables);
    }

    /** Query parameters from name/value pairs; blank values are left out by the client. */
    public static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                query.add(pairs[i], pairs[i + 1]);
            }
        }
        return query;
    }

    private static Mono<BackendAnswer> call(
            ServiceClient client,
            HttpMethod method,
            String path,
            MultiValueMap<String, String> query,
            Object body,
            Object... variables) {
        return client.call(method, path, query, body, variables)
                .map(node -> answer(200, node))
                .onErrorResume(ServiceCallException.class, e -> Mono.just(answer(e.status(), e.body())))
                .onErrorResume(
                        e -> e instanceof WebClientRequestException || e instanceof TimeoutException,
                        e -> Mono.just(new BackendAnswer(
                                503,
                                Map.of(
                                        "error",
                                        "Le service " + client.name() + " ne répond pas. Réessayez dans un instant."),
                                null,
                                null)));
    }

    static BackendAnswer answer(int status, JsonNode node) {
        if (node != null && node.isArray()) {
            List<Map<String, Object>> list = new java.util.ArrayList<>();
            JSON.convertValue(node, new TypeReference<List<Map<String, Object>>>() {})
                    .forEach(item -> list.add(new JsonObject(item)));
            return new BackendAnswer(status, null, list, null);
        }
        if (node != null && node.isObject()) {
            return new BackendAnswer(
                    status,
                    new JsonObject(JSON.convertValue(node, new TypeReference<Map<String, Object>>() {})),
                    null,
                    null);
        }
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            return new BackendAnswer(status, Map.of("error", node.asText()), null, null);
        }
        return new BackendAnswer(status, null, null, null);
    }
}
