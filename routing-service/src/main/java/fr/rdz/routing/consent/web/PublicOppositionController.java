package fr.rdz.routing.consent.web;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.kit.ProblemDetailsAdvice;
import fr.rdz.routing.consent.application.WithdrawingConsent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The public opposition (withdrawal of consent, spec §11): a French page and its endpoint. The
 * person confirms with their phone and e-mail, or with the signed link of one of their leads. The
 * answer is the same whether or not anything matched (it never tells who is known); bad input is
 * a French problem listing every invalid field, a bad link 403, an expired one 410.
 */
@RestController
@RequestMapping("/public/opposition")
@Tag(name = "Consent proofs")
class PublicOppositionController {

    static final String RECORDED = "Votre demande d'opposition est prise en compte. Si ces coordonnées correspondent "
            + "à une demande de contact que nous avons reçue, elles ne seront plus transmises à nos partenaires, et "
            + "ceux qui les ont reçues ces 30 derniers jours en seront informés.";
    private static final Pattern FRENCH_PHONE = Pattern.compile("0[1-9][0-9]{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final WithdrawingConsent withdrawing;

    PublicOppositionController(WithdrawingConsent withdrawing) {
        this.withdrawing = withdrawing;
    }

    /** The opposition request: phone and e-mail, or the three parameters of a lead's signed link. */
    record OppositionRequest(
            @Schema(example = "06 12 34 56 78") String phone,
            @Schema(example = "eloise.martin@example.fr") String email,
            @Schema(example = "2f6c1d7e-3b1a-4c55-9a63-0e1f2a3b4c5d") String leadId,
            @Schema(example = "1795096931") String expires,
            @Schema(example = "q1w2e3r4t5y6u7i8o9p0") String signature) {}

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "The French opposition page",
            description = "A form (phone + e-mail); opened from a lead's signed link (lead_id, expires, signature), "
                    + "a one-click confirmation.")
    ResponseEntity<String> page(
            @RequestParam(name = "lead_id", required = false) String leadId,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature) {
        String form;
        if (leadId != null) {
            form = "<p>Confirmez que vous ne souhaitez plus être contacté(e) par nos partenaires.</p>"
                    + "<form method=\"post\" action=\"/public/opposition\">" + hidden("lead_id", leadId)
                    + hidden("expires", expires) + hidden("signature", signature)
                    + "<button type=\"submit\">Je retire mon consentement</button></form>";
        } else {
            form = "<p>Indiquez le téléphone et l'adresse e-mail donnés lors de votre demande.</p>"
                    + "<form method=\"post\" action=\"/public/opposition\">"
                    + "<label>Téléphone <input name=\"phone\" type=\"tel\" required></label><br>"
                    + "<label>Adresse e-mail <input name=\"email\" type=\"email\" required></label><br>"
                    + "<button type=\"submit\">Je retire mon consentement</button></form>";
        }
        return html(HttpStatus.OK, "Retirer mon consentement", form);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Withdraw consent (public)",
            description = "Body {phone, email} or {lead_id, expires, signature} (a lead's signed link). 202 with the "
                    + "same French message whether or not a lead matched; 400 French problem listing every invalid "
                    + "field; 403 invalid link; 410 expired link. The person's leads are never delivered again.")
    Mono<ResponseEntity<?>> json(
            @RequestBody OppositionRequest request, @Parameter(hidden = true) ServerHttpRequest http) {
        return withdraw(request, PublicPages.wantsHtml(http));
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Withdraw consent from the French page (form fields as in the JSON body)")
    Mono<ResponseEntity<?>> form(@Parameter(hidden = true) ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(f -> withdraw(
                        new OppositionRequest(
                                first(f, "phone"),
                                first(f, "email"),
                                first(f, "lead_id"),
                                first(f, "expires"),
                                first(f, "signature")),
                        true));
    }

    private Mono<ResponseEntity<?>> withdraw(OppositionRequest r, boolean html) {
        if (notBlank(r.leadId())) {
            ConsentProofLink.Check check = withdrawing.checkLink(r.leadId(), r.expires(), r.signature());
            if (check == ConsentProofLink.Check.INVALID) {
                return Mono.just(PublicPages.problem(
                        HttpStatus.FORBIDDEN,
                        "Lien invalide",
                        "Ce lien n'est pas valide (il est incomplet ou a été modifié). Utilisez le formulaire avec "
                                + "votre téléphone et votre adresse e-mail.",
                        html));
            }
            if (check == ConsentProofLink.Check.EXPIRED) {
                return Mono.just(PublicPages.problem(
                        HttpStatus.GONE,
                        "Lien expiré",
                        "Ce lien a expiré. Utilisez le formulaire avec votre téléphone et votre adresse e-mail.",
                        html));
            }
            return withdrawing.bySignedLink(r.leadId()).map(w -> recorded(html));
        }
        List<ProblemDetailsAdvice.FieldProblem> errors = new ArrayList<>();
        String phone = r.phone() == null ? "" : normalise(r.phone());
        if (!FRENCH_PHONE.matcher(phone).matches()) {
            errors.add(new ProblemDetailsAdvice.FieldProblem(
                    "phone", "téléphone : un numéro français de 10 chiffres est attendu (ex. 06 12 34 56 78)"));
        }
        if (r.email() == null || !EMAIL.matcher(r.email().trim()).matches()) {
            errors.add(new ProblemDetailsAdvice.FieldProblem(
                    "email", "e-mail : l'adresse donnée lors de votre demande est attendue (ex. nom@exemple.fr)"));
        }
        if (!errors.isEmpty()) {
            if (html) {
                return Mono.just(html(
                        HttpStatus.BAD_REQUEST,
                        "Demande incomplète",
                        "<p>"
                                + HtmlUtils.htmlEscape(
                                        String.join(
                                                " ; ",
                                                errors.stream()
                                                        .map(e -> e.message())
                                                        .toList()),
                                        "UTF-8")
                                + "</p><p><a href=\"/public/opposition\">Revenir au formulaire</a></p>"));
            }
            ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, errors);
            problem.setTitle("Demande incomplète");
            return Mono.just(ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem));
        }
        return withdrawing.byPhoneAndEmail(phone, r.email()).map(w -> recorded(html));
    }

    private static ResponseEntity<?> recorded(boolean html) {
        if (html) {
            return html(
                    HttpStatus.ACCEPTED,
                    "Opposition enregistrée",
                    "<p>" + HtmlUtils.htmlEscape(RECORDED, "UTF-8") + "</p>");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("status", "recorded", "message", RECORDED));
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String bodyHtml) {
        String page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1>" + bodyHtml + "</main></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\""
                + HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8") + "\">";
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        return form.getFirst(name);
    }

    /** Digits only, {@code +33}/{@code 0033} → {@code 0} (intake's normalisation). */
    static String normalise(String raw) {
        String digits = raw.replaceAll("\\D", "");
        if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("33") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        } else if (digits.length() == 9 && !digits.startsWith("0")) {
            digits = "0" + digits;
        }
        return digits;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
