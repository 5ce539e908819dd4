package fr.rdz.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import fr.rdz.kit.ConsoleTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * One service's admin API, called on behalf of the signed-in operator: every request carries
 * {@code Authorization: Bearer} with a fresh short-lived token of that operator (name, role, entity
 * scope), so the service applies its own rights and scope rules. Answers are JSON trees; a refusal
 * is a {@link ServiceCallException} with the service's status and message.
 */
public class ServiceClient {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final String service;
    private final WebClient web;
    private final ConsoleTokens tokens;
    private final ObjectMapper json;
    private final Duration timeout;

    public ServiceClient(String service, WebClient web, ConsoleTokens tokens, ObjectMapper json, Duration timeout) {
        this.service = service;
        this.web = web;
        this.tokens = tokens;
        this.json = json;
        this.timeout = timeout;
    }

    public String name() {
        return service;
    }

    public Mono<JsonNode> get(String path, Object... uriVariables) {
        return get(path, new LinkedMultiValueMap<>(), uriVariables);
    }

    public Mono<JsonNode> get(String path, MultiValueMap<String, String> query, Object... uriVariables) {
        return call(HttpMethod.GET, path, query, null, uriVariables);
    }

    /** A paged list ({@code page}, {@code size} in {@code query}); paging read from the answer's headers. */
    public Mono<Page> page(String path, MultiValueMap<String, String> query, Object... uriVariables) {
        return token().flatMap(token -> web.get()
                .uri(b -> uri(b, path, query, uriVariables))
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().isError()
                        ? refusal(response)
                        : response.bodyToMono(JsonNode.class)
                                .defaultIfEmpty(json.createArrayNode())
                                .map(body -> page(body, response.headers().asHttpHeaders(), query)))
                .timeout(timeout));
    }

    public Mono<JsonNode> post(String path, Object body, Object... uriVariables) {
        return call(HttpMethod.POST, path, new LinkedMultiValueMap<>(), body, uriVariables);
    }

    public Mono<JsonNode> put(String path, Object body, Object... uriVariables) {
        return call(HttpMethod.PUT, path, new LinkedMultiValueMap<>(), body, uriVariables);
    }

    public Mono<JsonNode> delete(String path, Object... uriVariables) {
        return call(HttpMethod.DELETE, path, new LinkedMultiValueMap<>(), null, uriVariables);
    }

    /** A file as the service serves it (bytes and headers: content type, disposition), e.g. a batch's CSV. */
    public Mono<ResponseEntity<byte[]>> download(String path, Object... uriVariables) {
        return token().flatMap(token -> web.get()
                .uri(b -> uri(b, path, new LinkedMultiValueMap<>(), uriVariables))
                .headers(h -> h.setBearerAuth(token))
                .exchangeToMono(response ->
                        response.statusCode().isError() ? refusal(response) : response.toEntity(byte[].class))
                .timeout(timeout));
    }

    public Mono<JsonNode> call(
            HttpMethod method, String path, MultiValueMap<String, String> query, Object body, Object... uriVariables) {
        return token().flatMap(token -> {
            WebClient.RequestBodySpec spec = web.method(method)
                    .uri(b -> uri(b, path, query, uriVariables))
                    .headers(h -> h.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON);
            WebClient.RequestHeadersSpec<?> request = body == null
                    ? spec
                    : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            return request.exchangeToMono(response -> response.statusCode().isError()
                            ? refusal(response)
                            : response.bodyToMono(JsonNode.class).defaultIfEmpty(NullNode.getInstance()))
                    .timeout(timeout);
        });
    }

    /**
     * The request's URI: path variables bound in order, query values passed as URI variables so
     * they are encoded as values (a phone's '+' reaches the service as '+'); blank values left out.
     */
    static URI uri(UriBuilder builder, String path, MultiValueMap<String, String> query, Object... uriVariables) {
        Map<String, Object> variables = new HashMap<>();
        Matcher names = PATH_VARIABLE.matcher(path);
        for (int i = 0; names.find() && i < uriVariables.length; i++) {
            variables.put(names.group(1), uriVariables[i]);
        }
        UriBuilder b = builder.path(path);
        int n = 0;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && !value.isBlank()) {
                    String variable = "_q" + n++;
                    variables.put(variable, value.trim());
                    b.queryParam(parameter.getKey(), "{" + variable + "}");
                }
            }
        }
        return b.build(variables);
    }

    private Page page(JsonNode body, HttpHeaders headers, MultiValueMap<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode list = body.isArray() ? body : body.path("items");
        list.forEach(items::add);
        long total = header(headers, "X-Total-Count", items.size());
        int page = (int) header(headers, "X-Page", parse(query.getFirst("page"), 0));
        int size = (int) header(headers, "X-Page-Size", parse(query.getFirst("size"), items.size()));
        return new Page(items, total, page, size);
    }

    private static long header(HttpHeaders headers, String name, long fallback) {
        return parse(headers.getFirst(name), fallback);
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private <T> Mono<T> refusal(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> {
            JsonNode body;
            try {
                body = text.isBlank() ? NullNode.getInstance() : json.readTree(text);
            } catch (Exception e) {
                body = json.getNodeFactory().textNode(text);
            }
            return Mono.error(new ServiceCallException(service, status, body));
        });
    }

    private Mono<String> token() {
        return ReactiveSecurityContextHolder.getContext()
                .map(ctx -> tokens.issueFor(ctx.getAuthentication()))
                .switchIfEmpty(Mono.error(new IllegalStateException("no signed-in operator")));
    }
}
