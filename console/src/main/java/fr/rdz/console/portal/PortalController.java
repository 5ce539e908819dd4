package fr.rdz.console.portal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.console.client.ServiceCallException;
import fr.rdz.console.client.ServiceClients;
import fr.rdz.kit.PortalClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The buyers' portal ({@code /portail}, role {@code client}): its commandes' week (quota, progress),
 * its batches by date with the CSV as e-mailed, the leads of each batch and their return. Every call
 * goes to the services' {@code /portal/**} routes with the buyer's token ({@code client_id}), so each
 * service answers for that client only; the console adds no filter of its own to trust.
 */
@Controller
class PortalController {

    /** A batch id is {@code run-<ENTITY>-<YYYY-MM-DD>:<commande_id>} (delivery's README). */
    private static final Pattern BATCH_ID = Pattern.compile("^run-[A-Z0-9]+-(\\d{4}-\\d{2}-\\d{2}):(.+)$");

    private final ServiceClients services;

    PortalController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/portail")
    Mono<String> home(@RequestParam(required = false) String date, Model model) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (date != null && !date.isBlank()) {
            query.add("date", date);
        }
        return buyer().flatMap(buyer -> services.delivery()
                .get("/portal/commandes", query)
                .map(commandes -> {
                    List<PortalViews.Commande> list = new java.util.ArrayList<>();
                    commandes.forEach(c -> list.add(PortalViews.Commande.of(c)));
                    model.addAttribute("buyer", buyer);
                    model.addAttribute("commandes", list);
                    model.addAttribute("batches", PortalViews.Batch.all(commandes));
                    model.addAttribute("date", date == null ? "" : date);
                    return "portail/home";
                })
                .onErrorResume(ServiceCallException.class, e -> {
                    if (e.status() != 400) {
                        return Mono.error(e);
                    }
                    model.addAttribute("buyer", buyer);
                    model.addAttribute("commandes", List.of());
                    model.addAttribute("batches", List.of());
                    model.addAttribute("date", date);
                    model.addAttribute("dateError", "Date invalide : format attendu AAAA-MM-JJ.");
                    return Mono.just("portail/home");
                }));
    }

    @GetMapping("/portail/lots/{batchId}")
    Mono<String> batch(@PathVariable String batchId, Model model) {
        return batchPage(batchId, model, Map.of(), Map.of());
    }

    @GetMapping("/portail/lots/{batchId}/csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String batchId) {
        return services.notifier().download("/portal/batches/{id}/csv", batchId).map(file -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(Optional.ofNullable(file.getHeaders().getContentType())
                    .orElse(MediaType.parseMediaType("text/csv;charset=UTF-8")));
            String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
            headers.set(
                    HttpHeaders.CONTENT_DISPOSITION,
                    disposition != null ? disposition : "attachment; filename=\"lot.csv\"");
            return ResponseEntity.ok().headers(headers).body(file.getBody() == null ? new byte[0] : file.getBody());
        });
    }

    /** Returns a lead: reason from the list, text for « autre »; back to its batch, or the form with the refusals. */
    @PostMapping("/portail/leads/{leadId}/retour")
    Mono<String> returnLead(@PathVariable String leadId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String batchId = Optional.ofNullable(form.getFirst("batch")).orElse("");
            Map<String, String> body = new LinkedHashMap<>();
            body.put("reason", Optional.ofNullable(form.getFirst("reason")).orElse(""));
            body.put("comment", Optional.ofNullable(form.getFirst("comment")).orElse(""));
            return services.routing()
                    .post("/portal/leads/{id}/return", body, leadId)
                    .map(done -> "redirect:/portail/lots/" + encode(batchId) + "?retourne=" + encode(leadId))
                    .onErrorResume(ServiceCallException.class, e -> {
                        if (e.status() != 400 || batchId.isBlank()) {
                            return Mono.error(e);
                        }
                        Map<String, String> errors = e.fieldErrors().isEmpty()
                                ? Map.of("reason", "Le retour a été refusé.")
                                : e.fieldErrors();
                        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                        return batchPage(batchId, model, Map.of(leadId, errors), body);
                    });
        });
    }

    private Mono<String> batchPage(
            String batchId, Model model, Map<String, Map<String, String>> errors, Map<String, String> given) {
        Matcher m = BATCH_ID.matcher(batchId);
        if (!m.matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "Lot introuvable."));
        }
        String date = m.group(1);
        String commandeId = m.group(2);
        return buyer().flatMap(buyer -> services.delivery()
                .get("/portal/commandes/{id}", query("date", date), commandeId)
                .onErrorResume(
                        ServiceCallException.class,
                        e -> e.status() == 404
                                ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "Lot introuvable."))
                                : Mono.error(e))
                .flatMap(commande -> {
                    JsonNode found = null;
                    for (JsonNode b : commande.path("last_batches")) {
                        if (batchId.equals(b.path("batch_id").asText())) {
                            found = b;
                        }
                    }
                    if (found == null || found.path("lead_ids").isEmpty()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "Lot introuvable."));
                    }
                    List<String> ids = new java.util.ArrayList<>();
                    found.path("lead_ids").forEach(id -> ids.add(id.asText()));
                    Mono<JsonNode> leads = services.routing().get("/portal/leads", query("ids", String.join(",", ids)));
                    Mono<JsonNode> reasons = services.routing().get("/portal/return-reasons");
                    String product = commande.path("product").asText();
                    return Mono.zip(leads, reasons).map(t -> {
                        List<PortalViews.Lead> list = new java.util.ArrayList<>();
                        t.getT1().forEach(l -> list.add(PortalViews.Lead.of(l)));
                        List<PortalViews.Reason> reasonList = new java.util.ArrayList<>();
                        t.getT2()
                                .forEach(r -> reasonList.add(new PortalViews.Reason(
                                        r.path("code").asText(), r.path("label").asText())));
                        model.addAttribute("buyer", buyer);
                        model.addAttribute("batchId", batchId);
                        model.addAttribute("batchDate", date);
                        model.addAttribute("commandeId", commandeId);
                        model.addAttribute("product", product);
                        model.addAttribute("leads", list);
                        model.addAttribute("reasons", reasonList);
                        model.addAttribute("errors", errors);
                        model.addAttribute("given", given);
                        return "portail/batch";
                    });
                }));
    }

    /** A refusal on a portal page: a French page in the portal's frame, with the same status. */
    @ExceptionHandler({
        ResponseStatusException.class,
        ServiceCallException.class,
        WebClientRequestException.class,
        TimeoutException.class
    })
    Mono<String> refused(Exception e, Model model, ServerWebExchange exchange) {
        int code = e instanceof ResponseStatusException r
                ? r.getStatusCode().value()
                : e instanceof ServiceCallException s ? s.status() : HttpStatus.BAD_GATEWAY.value();
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.BAD_GATEWAY;
        }
        exchange.getResponse().setStatusCode(status);
        model.addAttribute(
                "title",
                switch (status) {
                    case FORBIDDEN -> "Accès refusé";
                    case NOT_FOUND -> "Introuvable";
                    case BAD_REQUEST, CONFLICT -> "Demande refusée";
                    default -> "Service indisponible";
                });
        model.addAttribute(
                "message",
                switch (status) {
                    case FORBIDDEN -> "Votre compte ne permet pas d'accéder à cette page.";
                    case NOT_FOUND -> "Cet élément n'existe pas ou ne vous a pas été livré.";
                    case BAD_REQUEST, CONFLICT -> "Votre demande n'a pas pu être enregistrée.";
                    default -> "Le service est momentanément indisponible. Réessayez dans un instant.";
                });
        return PortalClient.current()
                .doOnNext(buyer -> model.addAttribute("buyer", buyer))
                .thenReturn("portail/error");
    }

    private static MultiValueMap<String, String> query(String name, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(name, value);
        return query;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static Mono<PortalClient> buyer() {
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(ctx -> Mono.justOrEmpty(PortalClient.of(ctx.getAuthentication())))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)));
    }
}
