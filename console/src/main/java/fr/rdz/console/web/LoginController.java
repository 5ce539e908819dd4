package fr.rdz.console.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.RdzSecurityProperties;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The login page (form login itself is Spring Security's) and the entity switch of the navigation. */
@Controller
public class LoginController {

    private final RdzSecurityProperties security;

    public LoginController(RdzSecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/login")
    public String login(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        model.addAttribute("failed", query.containsKey("error"));
        if (query.containsKey("throttled")) {
            // the same answer as the services' 429, in words: no sign-in of this name or address for the window
            exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            "Retry-After",
                            String.valueOf(
                                    security.getLoginThrottle().getWindow().toSeconds()));
            model.addAttribute(
                    "throttledMinutes",
                    Math.max(1, security.getLoginThrottle().getWindow().toMinutes()));
        }
        model.addAttribute("loggedOut", query.containsKey("logout"));
        return "login";
    }

    /** Chooses the entity the pages show ({@code ZR7}, {@code MDL}, or both when blank); a scoped operator keeps theirs. */
    @PostMapping("/entity")
    public Mono<Void> entity(ServerWebExchange exchange) {
        return exchange.getFormData().zipWith(exchange.getSession()).flatMap(t -> {
            String value = t.getT1().getFirst("entity");
            String back = t.getT1().getFirst("back");
            if (value == null || value.isBlank()) {
                t.getT2().getAttributes().remove(ConsoleModel.ENTITY_ATTRIBUTE);
            } else {
                t.getT2().getAttributes().put(ConsoleModel.ENTITY_ATTRIBUTE, Entity.valueOf(value));
            }
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders()
                    .setLocation(
                            URI.create(back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/"));
            return response.setComplete();
        });
    }
}
