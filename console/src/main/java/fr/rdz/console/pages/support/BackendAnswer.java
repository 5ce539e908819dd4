package fr.rdz.console.pages.support;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a back end answered, whatever the status: pages show a refusal next to the fields instead of
 * failing. {@code body} is the JSON object answered (or {@code null}), {@code list} the JSON array.
 */
public record BackendAnswer(int status, Map<String, Object> body, List<Map<String, Object>> list, HttpHeaders headers) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean forbidden() {
        return status == 401 || status == 403;
    }

    public boolean invalid() {
        return status == 400 || status == 409 || status == 422;
    }

    /**
     * This answer when it is a success; else the page fails with its status: 404 with {@code notFound}
     * (« Client introuvable. »), any other refusal with its {@link #message()}.
     */
    public BackendAnswer found(String notFound) {
        if (notFound()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notFound);
        }
        if (!ok()) {
            throw new ResponseStatusException(HttpStatus.valueOf(status), message());
        }
        return this;
    }

    public List<Map<String, Object>> listOrEmpty() {
        return list == null ? List.of() : list;
    }

    /** The refusal's message for a banner, French when the back end gave none. */
    public String message() {
        if (body != null) {
            for (String key : List.of("detail", "error", "message", "title")) {
                Object v = body.get(key);
                if (v != null && !v.toString().isBlank() && !isReasonPhrase(v.toString())) {
                    return v.toString();
                }
            }
        }
        return switch (status) {
            case 401, 403 -> "Action refusée : vos droits ne le permettent pas.";
            case 404 -> "Élément introuvable.";
            case 409 -> "Conflit : l'élément a changé ou le code est déjà pris.";
            default -> status >= 500 ? "Le service ne répond pas correctement (" + status + ")." : "Demande refusée.";
        };
    }

    /** A bare HTTP reason phrase ("Not Found") says nothing the French default does not say better. */
    private boolean isReasonPhrase(String message) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && known.getReasonPhrase().equalsIgnoreCase(message.trim());
    }
}
