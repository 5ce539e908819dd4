package fr.rdz.routing.shared.web;

import fr.rdz.routing.shared.domain.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Invalid input as an RFC 7807 problem detail ({@code application/problem+json}) naming every invalid
 * parameter or field at once, in the shape every service answers ({@code errors: [{field, message}]},
 * {@code error}, as service-kit's {@code ProblemDetailsAdvice}) and, for the console routes' first
 * clients, {@code invalid_params: [{name, reason}]} with the same content.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetails {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setInstance(exchange.getRequest()
                .getURI()
                .resolve(exchange.getRequest().getPath().value()));
        List<Map<String, String>> params = e.violations().stream()
                .map(v -> Map.of("name", v.name(), "reason", v.reason()))
                .toList();
        problem.setProperty("invalid_params", params);
        problem.setProperty(
                "errors",
                e.violations().stream()
                        .map(v -> Map.of("field", v.name(), "message", v.reason()))
                        .toList());
        problem.setProperty("error", e.getMessage());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
