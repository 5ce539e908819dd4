package fr.rdz.console.web;

import fr.rdz.console.client.ServiceCallException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A refused or failed service call as a French page with the same status (never a stack trace). */
@ControllerAdvice
public class ErrorPages {

    @ExceptionHandler(ServiceCallException.class)
    public Mono<String> refused(ServiceCallException e, Model model, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.status());
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.BAD_GATEWAY;
        }
        String message =
                switch (status) {
                    case FORBIDDEN -> "Vos droits ne permettent pas cette action ou ces données.";
                    case NOT_FOUND -> "Cet élément n'existe pas ou n'est pas visible pour vous.";
                    default -> "Le service " + e.service() + " a répondu : " + e.error();
                };
        return show(status, titleOf(status), message, model, exchange);
    }

    @ExceptionHandler({WebClientRequestException.class, TimeoutException.class})
    public Mono<String> unreachable(Exception e, Model model, ServerWebExchange exchange) {
        return show(
                HttpStatus.BAD_GATEWAY,
                "Service injoignable",
                "Un service de RDZ ne répond pas. Réessayez dans un instant ; si cela dure, vérifiez ./rdz status.",
                model,
                exchange);
    }

    /** The French title of a refusal with this status. */
    public static String titleOf(HttpStatus status) {
        return switch (status) {
            case FORBIDDEN -> "Accès refusé";
            case NOT_FOUND -> "Introuvable";
            case UNAUTHORIZED -> "Session expirée";
            case BAD_REQUEST, CONFLICT, UNPROCESSABLE_ENTITY -> "Demande refusée";
            default -> "Service indisponible";
        };
    }

    /**
     * The console's error page with {@code status}, its title and message, in the console's frame: an
     * exception handler's model has none of the advice's attributes, so the frame's are added here.
     */
    public static Mono<String> show(
            HttpStatus status, String title, String message, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("path", exchange.getRequest().getPath().value());
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        return ConsoleModel.context(exchange)
                .doOnNext(console -> model.addAttribute("console", console))
                .then(csrf == null ? Mono.empty() : csrf.doOnNext(t -> model.addAttribute("_csrf", t)))
                .thenReturn("error");
    }
}
