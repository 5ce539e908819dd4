package fr.rdz.console.deliveries.web;

import fr.rdz.console.client.ServiceClients;
import fr.rdz.console.pages.support.BackendAnswer;
import fr.rdz.console.pages.support.BackendCalls;
import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Operators;
import fr.rdz.console.pages.support.PageOperator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Livraisons: delivery's runs by date (or range) and entity, each batch with its figures, why it is
 * short and what the channels reported; a run is previewed (dry run) before it is launched, and a
 * batch's CSV is downloaded byte for byte as notifier e-mailed it.
 */
@Controller
class DeliveriesPageController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> RUN_FIELDS = Set.of("entity", "date");

    private final ServiceClients services;
    private final Clock clock;

    DeliveriesPageController(ServiceClients services, ObjectProvider<Clock> clock) {
        this.services = services;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/runs")
    Mono<String> runs(
            ServerWebExchange exchange,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String entity,
            Model model) {
        return Operators.current(exchange).flatMap(op -> {
            boolean range = blank(from).isPresent() || blank(to).isPresent();
            String day = range ? null : blank(date).orElse(today().toString());
            String shown = op.listEntity(entity);
            var query = BackendCalls.query(
                    "date", day, "from", range ? from : null, "to", range ? to : null, "entity", shown);
            return BackendCalls.get(services.delivery(), "/admin/runs", query).map(answer -> {
                model.addAttribute("operator", op);
                model.addAttribute("date", day);
                model.addAttribute("from", from);
                model.addAttribute("to", to);
                model.addAttribute("entity", shown);
                model.addAttribute("today", today().toString());
                LocalDate shownDay = parse(day);
                model.addAttribute(
                        "previousDay",
                        shownDay == null ? null : shownDay.minusDays(1).toString());
                model.addAttribute(
                        "nextDay",
                        shownDay == null ? null : shownDay.plusDays(1).toString());
                model.addAttribute(
                        "errors",
                        answer.ok()
                                ? new FieldErrors()
                                : FieldErrors.fromBackend(answer.body(), Set.of("date", "from", "to", "entity")));
                model.addAttribute(
                        "runs",
                        answer.listOrEmpty().stream()
                                .filter(r -> op.canSee(r.get("entity")))
                                .toList());
                return "livraisons/runs";
            });
        });
    }

    @GetMapping("/runs/{id:run-.+}")
    Mono<String> run(ServerWebExchange exchange, @PathVariable String id, Model model) {
        return Operators.current(exchange).flatMap(op -> BackendCalls.get(services.delivery(), "/admin/runs/{id}", id)
                .map(answer -> {
                    if (answer.notFound()) {
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Livraison introuvable.");
                    }
                    if (!answer.ok()) {
                        throw new ResponseStatusException(HttpStatus.valueOf(answer.status()), answer.message());
                    }
                    model.addAttribute("operator", op);
                    model.addAttribute("run", answer.body());
                    return "livraisons/run";
                }));
    }

    /** Step 1 of a launch: the dry run, shown with a confirmation button. Nothing is recorded. */
    @PostMapping("/runs/preview")
    Mono<String> preview(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            String entity = trim(t.getT2().getFirst("entity"));
            String date = trim(t.getT2().getFirst("date"));
            FieldErrors errors = check(op, entity, date);
            if (!errors.isEmpty()) {
                return Mono.just(launchForm(model, op, entity, date, errors));
            }
            return BackendCalls.send(services.delivery(), HttpMethod.POST, "/admin/runs", body(entity, date, true))
                    .map(answer -> {
                        if (!answer.ok()) {
                            return refused(model, op, entity, date, answer);
                        }
                        model.addAttribute("operator", op);
                        model.addAttribute("run", answer.body());
                        model.addAttribute("entity", entity);
                        model.addAttribute("date", date);
                        return "livraisons/preview";
                    });
        });
    }

    /** Step 2: the run for real (an existing run is answered as it is by delivery). */
    @PostMapping("/runs/launch")
    Mono<String> launch(ServerWebExchange exchange, Model model) {
        return Operators.current(exchange).zipWith(exchange.getFormData()).flatMap(t -> {
            PageOperator op = t.getT1();
            op.requireAdmin();
            String entity = trim(t.getT2().getFirst("entity"));
            String date = trim(t.getT2().getFirst("date"));
            FieldErrors errors = check(op, entity, date);
            if (!errors.isEmpty()) {
                return Mono.just(launchForm(model, op, entity, date, errors));
            }
            return BackendCalls.send(services.delivery(), HttpMethod.POST, "/admin/runs", body(entity, date, false))
                    .map(answer -> answer.ok()
                            ? "redirect:/runs/" + answer.body().get("id") + "?launched"
                            : refused(model, op, entity, date, answer));
        });
    }

    @GetMapping("/runs/launch")
    Mono<String> launchPage(
            ServerWebExchange exchange,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String date,
            Model model) {
        return Operators.current(exchange).map(op -> {
            op.requireAdmin();
            return launchForm(
                    model,
                    op,
                    entity == null ? op.entities().get(0) : entity,
                    date == null ? today().toString() : date,
                    new FieldErrors());
        });
    }

    /**
     * The CSV of a batch's e-mail, byte for byte as notifier handed it to SMTP (same file name and
     * content type); a batch without an e-mail is a French 404 page.
     */
    @GetMapping("/batches/{batchId}/csv")
    Mono<ResponseEntity<byte[]>> csv(ServerWebExchange exchange, @PathVariable String batchId) {
        return services.notifier().download("/admin/batches/{id}/csv", batchId).map(file -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(Optional.ofNullable(file.getHeaders().getContentType())
                    .orElse(MediaType.parseMediaType("text/csv;charset=UTF-8")));
            String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
            headers.set(
                    HttpHeaders.CONTENT_DISPOSITION,
                    disposition != null ? disposition : "attachment; filename=\"" + batchId + ".csv\"");
            String state = file.getHeaders().getFirst("X-RDZ-Mail-State");
            if (state != null) {
                headers.set("X-RDZ-Mail-State", state);
            }
            return ResponseEntity.ok().headers(headers).body(file.getBody() == null ? new byte[0] : file.getBody());
        });
    }

    private String refused(Model model, PageOperator op, String entity, String date, BackendAnswer answer) {
        if (answer.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, answer.message());
        }
        return launchForm(model, op, entity, date, FieldErrors.fromBackend(answer.body(), RUN_FIELDS));
    }

    private String launchForm(Model model, PageOperator op, String entity, String date, FieldErrors errors) {
        model.addAttribute("operator", op);
        model.addAttribute("entity", entity);
        model.addAttribute("date", date);
        model.addAttribute("errors", errors);
        return "livraisons/launch";
    }

    private static FieldErrors check(PageOperator op, String entity, String date) {
        FieldErrors errors = new FieldErrors();
        if (entity.isEmpty()) {
            errors.reject("entity", "Choisissez l'entité.");
        } else if (!op.entities().contains(entity)) {
            errors.reject("entity", "Entité hors de votre périmètre : " + op.entities() + ".");
        }
        if (date.isEmpty()) {
            errors.reject("date", "Choisissez la date de livraison.");
        } else {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.reject("date", "La date doit être au format AAAA-MM-JJ.");
            }
        }
        return errors;
    }

    private static Map<String, Object> body(String entity, String date, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", entity);
        body.put("date", date);
        body.put("dry_run", dryRun);
        return body;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private static LocalDate parse(String day) {
        try {
            return day == null ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
