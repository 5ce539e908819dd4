package fr.rdz.routing.shared.web;

import fr.rdz.kit.ProblemDetailsAdvice;
import fr.rdz.routing.shared.domain.RequestRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Routing's own refusals ({@link RequestRejected}) as RFC 7807 problems with an English message an
 * operator can act on; everything Spring itself refuses (bad JSON, unknown fields, validation) is
 * answered in the same shape by service-kit's {@link ProblemDetailsAdvice}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejected e) {
        HttpStatus status =
                switch (e.reason()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(status, e.getMessage()));
    }
}
