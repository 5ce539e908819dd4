package fr.rdz.kit;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every refusal of every service as an RFC 7807 problem ({@code application/problem+json}): {@code
 * status}, {@code title}, {@code detail} in English an operator can act on and, for bad input,
 * {@code errors}: every invalid field at once ({@code field}, {@code message}). {@code error} repeats
 * {@code detail} for clients of the former {@code {status, error}} shape. Request bodies are never
 * echoed (they may hold an API key or personal data). A service's own advice (e.g. for its domain
 * refusals) comes first; this one answers everything Spring WebFlux itself refuses.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** A problem for {@code status} with {@code detail}, in the shape every service answers. */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("error", detail);
        return problem;
    }

    /** The same, listing the invalid fields. */
    public static ProblemDetail problem(HttpStatusCode status, List<FieldProblem> errors) {
        String detail = errors.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(status, detail);
        problem.setProperty("errors", errors.stream().map(FieldProblem::asMap).toList());
        return problem;
    }

    /** One invalid field of a request. */
    public record FieldProblem(String field, String message) {
        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }

        @Override
        public String toString() {
            return message.contains(field) ? message : field + ": " + message;
        }
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getFieldErrors().forEach(e -> errors.add(new FieldProblem(e.getField(), message(e))));
        ex.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(), message(e))));
        return respond(problem(HttpStatus.BAD_REQUEST, errors), headers);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(e -> errors.add(new FieldProblem(
                            e instanceof FieldError fe ? fe.getField() : String.valueOf(name), message(e))));
        });
        return respond(problem(HttpStatus.BAD_REQUEST, errors), headers);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.BAD_REQUEST, describe(ex)), headers);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && problem.getDetail() != null
                && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
            problem.setProperty("error", problem.getDetail());
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static Mono<ResponseEntity<Object>> respond(ProblemDetail problem, HttpHeaders headers) {
        return Mono.just(ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    /** What is wrong with a body or a parameter, in words, naming the field (JSON path). */
    static List<FieldProblem> describe(ServerWebInputException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AdminJsonDecoder.UnknownFields invalid) {
                return invalid.problems();
            }
            if (cause instanceof InvalidFormatException ife) {
                String field = field(ife);
                Class<?> target = ife.getTargetType();
                if (target != null && target.isEnum()) {
                    String allowed = Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
                    return List.of(new FieldProblem(
                            field,
                            "invalid value '" + ife.getValue() + "' for " + field + " (expected one of " + allowed
                                    + ")"));
                }
                return List.of(new FieldProblem(field, "invalid value '" + ife.getValue() + "' for " + field));
            }
            if (cause instanceof MismatchedInputException mie) {
                String field = field(mie);
                return List.of(new FieldProblem(field, "malformed value for " + field));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DecodingException) {
                return List.of(new FieldProblem("body", "not valid JSON of the expected shape"));
            }
        }
        String name =
                e.getMethodParameter() == null ? null : e.getMethodParameter().getParameterName();
        return List.of(new FieldProblem(
                name == null ? "request" : name, e.getReason() == null ? "bad request" : e.getReason()));
    }

    private static String field(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
