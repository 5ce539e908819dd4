package fr.rdz.routing.consent.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * The French answers of routing's public routes (proof links, opposition): RFC 7807 problem
 * details for programs, or a small French page when a browser asks for HTML.
 */
final class PublicPages {

    private PublicPages() {}

    static boolean wantsHtml(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType());
    }

    static ResponseEntity<?> problem(HttpStatus status, String title, String detail, boolean html) {
        if (html) {
            return page(status, title, detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("error", detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(problem);
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String message) {
        String body = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title, "UTF-8")
                + "</h1><p>" + HtmlUtils.htmlEscape(message, "UTF-8") + "</p></main></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
