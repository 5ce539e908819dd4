package fr.rdz.routing.shared.web;

import fr.rdz.routing.shared.domain.InvalidInput;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Strict query strings: a parameter the route does not know is an error, not silently ignored. */
public final class QueryParameters {

    private QueryParameters() {}

    /** Adds one violation per unknown parameter (sorted, each named once). */
    public static InvalidInput.Collector unknown(ServerHttpRequest request, Set<String> known) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        request.getQueryParams().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> errors.add(
                        name,
                        "unknown parameter (allowed: "
                                + String.join(", ", known.stream().sorted().toList()) + ")"));
        return errors;
    }
}
