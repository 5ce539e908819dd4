package fr.rdz.kit.clients;

import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request refused by a filter (over the rate limit) is answered once its body has been read and dropped, and its
 * connection then closes ({@code Connection: close}). Answered with its body unread and the connection kept, the
 * client's next request on it could wait without end: reactor-netty 1.2 can stop reading a kept-alive connection
 * when that request arrives before the refused exchange has ended (reactor-netty #4347; intake's
 * {@code RateLimitedConnectionIT} waited 15 s in two full builds). Reading the body first means the close is a clean
 * one: a close with unread bytes would reset the connection, and the client could lose the answer. The body is
 * bounded by the route's size limit, checked before.
 */
public final class RefusingARequest {

    private RefusingARequest() {}

    /** Reads and drops the request's body, marks the answer as the connection's last, then writes it. */
    public static Mono<Void> afterItsBody(ServerWebExchange exchange, Supplier<Mono<Void>> answer) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return exchange.getRequest()
                .getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.defer(answer));
    }
}
