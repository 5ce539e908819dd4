package fr.rdz.kit;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * A client that stops sending its request body is the client's problem, not a server error: when
 * the read timeout drops it, the request is answered 408 (if the connection still takes it) and logged
 * at INFO, instead of Boot's "500 Server Error" at ERROR. The same timeout reported a second time to an
 * already finished request is not an ERROR either.
 */
public final class ClientReadTimeouts implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ClientReadTimeouts.class);
    private static final Logger reactor = LoggerFactory.getLogger("reactor.core.publisher.Operators");

    ClientReadTimeouts() {
        Hooks.onErrorDropped(e -> {
            if (isReadTimeout(e)) {
                log.debug("Read timeout reported again after its request ended");
            } else {
                reactor.error("Operator called default onErrorDropped", e);
            }
        });
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!isReadTimeout(ex)) {
            return Mono.error(ex);
        }
        log.info(
                "{} {}: the client stopped sending its request body; dropped after the read timeout",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath());
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.REQUEST_TIMEOUT);
        return response.setComplete().onErrorResume(e -> Mono.empty());
    }

    static boolean isReadTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Before Boot's error handler (-1), which would log a 500. */
    @Override
    public int getOrder() {
        return -2;
    }
}
