package fr.rdz.console.pages.support;

import fr.rdz.console.web.ErrorPages;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A refusal of one of these pages (admin-only action, unknown item, service error) as the console's
 * French error page with the same status, the navigation included.
 */
@ControllerAdvice(
        basePackages = {
            "fr.rdz.console.clients",
            "fr.rdz.console.commandes",
            "fr.rdz.console.forms",
            "fr.rdz.console.deliveries",
            "fr.rdz.console.failures",
            "fr.rdz.console.quality"
        })
public class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    public Mono<String> refused(ResponseStatusException e, Model model, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_GATEWAY;
        }
        return ErrorPages.show(
                status,
                ErrorPages.titleOf(status),
                e.getReason() != null ? e.getReason() : "La demande n'a pas pu aboutir.",
                model,
                exchange);
    }
}
