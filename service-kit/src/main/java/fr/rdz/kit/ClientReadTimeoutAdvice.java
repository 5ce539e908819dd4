package fr.rdz.kit;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * A controller reading a body the client stopped sending: answered 408 and logged at INFO, before any
 * service advice would call it an unexpected error ({@link ClientReadTimeouts} does the same outside
 * controllers).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientReadTimeoutAdvice {

    private static final Logger log = LoggerFactory.getLogger(ClientReadTimeoutAdvice.class);

    @ExceptionHandler(ReadTimeoutException.class)
    ResponseEntity<Void> clientStoppedSending(ServerWebExchange exchange) {
        log.info(
                "{} {}: the client stopped sending its request body; dropped after the read timeout",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath());
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).build();
    }
}
