package fr.rdz.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused or failed a call: its HTTP status and answer ({@code {status, error}}, or a
 * problem detail whose {@code errors} name the invalid fields), so a page can show the refusal
 * next to the fields it concerns.
 */
public class ServiceCallException extends RuntimeException {

    private final String service;
    private final int status;
    private final transient JsonNode body;

    public ServiceCallException(String service, int status, JsonNode body) {
        super(service + " answered " + status + ": " + describe(body));
        this.service = service;
        this.status = status;
        this.body = body;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    /** The service's message ({@code error}, else {@code detail}, else {@code title}). */
    public String error() {
        return describe(body);
    }

    /**
     * Invalid fields as field → message, from {@code errors} (an array of {@code {field, message}}
     * or an object field → message) or {@code invalid_params}; empty when the service named none.
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null) {
            return out;
        }
        for (String name : new String[] {"errors", "invalid_params", "invalid-params"}) {
            JsonNode errors = body.get(name);
            if (errors == null) {
                continue;
            }
            if (errors.isArray()) {
                for (JsonNode e : errors) {
                    String field = text(e, "field", text(e, "name", null));
                    String message = text(e, "message", text(e, "reason", text(e, "error", "")));
                    if (field != null) {
                        out.merge(field, message, (a, b) -> a + " ; " + b);
                    }
                }
            } else if (errors.isObject()) {
                errors.fields()
                        .forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String describe(JsonNode body) {
        if (body == null) {
            return "no answer";
        }
        if (!body.isObject()) {
            return body.asText();
        }
        for (String f : new String[] {"error", "detail", "title"}) {
            if (body.hasNonNull(f) && !body.get(f).asText().isBlank()) {
                return body.get(f).asText();
            }
        }
        return body.toString();
    }
}
