package fr.rdz.intake.inbound.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** One error policy for every route: a JSON answer with a French message, the cause logged here and never sent. */
@RestControllerAdvice
public class PublicErrors {

    private static final Logger log = LoggerFactory.getLogger(PublicErrors.class);

    @ExceptionHandler(RejectedRequest.class)
    ResponseEntity<ErrorAnswer> rejected(RejectedRequest e) {
        return ResponseEntity.status(e.status()).body(ErrorAnswer.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ErrorAnswer> tooLarge(DataBufferLimitException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ErrorAnswer.of("payload_too_large", PublicBodies.TOO_LARGE));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ErrorAnswer> input(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(ErrorAnswer.of("invalid_request", "Requête invalide."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorAnswer> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
                .body(ErrorAnswer.of(
                        "request_refused",
                        "Requête refusée (" + e.getStatusCode().value() + ")."));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ErrorAnswer> storage(DataAccessException e) {
        log.error("Storage unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(ErrorAnswer.of(
                        "unavailable",
                        "Service momentanément indisponible, merci de réessayer dans quelques secondes."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorAnswer> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ErrorAnswer.of("internal_error", "Erreur interne, merci de réessayer."));
    }
}
