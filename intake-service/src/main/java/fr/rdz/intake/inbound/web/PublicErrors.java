package fr.rdz.intake.inbound.web;

import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/** One error policy for every route: problem details with a French message, the cause logged here and never sent. */
@RestControllerAdvice
public class PublicErrors {

    private static final Logger log = LoggerFactory.getLogger(PublicErrors.class);
    public static final String UNAVAILABLE =
            "Service momentanément indisponible, merci de réessayer dans quelques secondes.";

    @ExceptionHandler(RejectedRequest.class)
    ResponseEntity<ErrorAnswer> rejected(RejectedRequest e) {
        return answer(e.status(), e.answer());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ErrorAnswer> tooLarge(DataBufferLimitException e) {
        return answer(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ErrorAnswer.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", PublicBodies.TOO_LARGE));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ErrorAnswer> input(ServerWebInputException e) {
        return answer(
                HttpStatus.BAD_REQUEST, ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", "Requête invalide."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorAnswer> status(ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        return answer(status, ErrorAnswer.of(status, "request_refused", "Requête refusée (" + code.value() + ")."));
    }

    /** Mongo unreachable, or no answer within the public deadline: 503, the page retries with the same submission id. */
    @ExceptionHandler({DataAccessException.class, TimeoutException.class})
    ResponseEntity<ErrorAnswer> storage(Exception e) {
        log.error("Storage unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(ErrorAnswer.PROBLEM_JSON)
                .body(ErrorAnswer.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", UNAVAILABLE));
    }

    /**
     * Anything else: 500, logged. Except a client that closed its connection before its answer was
     * written (a page left, a load tester stopped: Reactor Netty's {@code AbortedException}): there
     * is no one to answer and nothing went wrong here, so the error goes back to Spring, which logs
     * it as a lost client at DEBUG. Answering it logged "Unexpected error", then failed again on
     * the committed response.
     */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ErrorAnswer>> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            return Mono.error(e);
        }
        log.error("Unexpected error", e);
        return Mono.just(answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorAnswer.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Erreur interne, merci de réessayer.")));
    }

    private static ResponseEntity<ErrorAnswer> answer(HttpStatus status, ErrorAnswer body) {
        return ResponseEntity.status(status)
                .contentType(ErrorAnswer.PROBLEM_JSON)
                .body(body);
    }
}
