package fr.rdz.console.pages.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a service's answer as the templates read it: the services leave null fields out
 * of their JSON, so a field that is absent reads as {@code null} ({@code ${client.api_url}}) instead of
 * failing the page (Spring's map accessor only reads keys the map contains).
 */
public final class JsonObject extends LinkedHashMap<String, Object> {

    JsonObject(Map<String, Object> source) {
        source.forEach((k, v) -> put(k, wrap(v)));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** Every nested object of {@code value} as a {@link JsonObject}. */
    @SuppressWarnings("unchecked")
    static Object wrap(Object value) {
        if (value instanceof JsonObject) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return new JsonObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(wrap(v)));
            return out;
        }
        return value;
    }
}
