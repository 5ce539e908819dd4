package fr.rdz.routing.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.catalog.application.Form;
import fr.rdz.routing.catalog.application.FormTerms;
import fr.rdz.routing.catalog.application.LpTerms;
import fr.rdz.routing.catalog.application.ManagingForms;
import fr.rdz.routing.catalog.application.ManagingLps;
import fr.rdz.routing.catalog.web.CatalogViews.FormView;
import fr.rdz.routing.catalog.web.CatalogViews.LpView;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.web.StrictJson;
import fr.rdz.routing.stats.application.FormCards;
import fr.rdz.routing.stats.application.FormResets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/admin")
@Tag(name = "Catalog", description = "Landing pages and forms (codes LP-001, PV-001… generated when absent)")
@SecurityRequirement(name = "basic")
class CatalogController {

    private final ManagingLps lps;
    private final ManagingForms forms;
    private final FormCards cards;
    private final StrictJson json;

    CatalogController(ManagingLps lps, ManagingForms forms, FormCards cards, StrictJson json) {
        this.lps = lps;
        this.forms = forms;
        this.cards = cards;
        this.json = json;
    }

    @PostMapping("/lps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a landing page", description = "Leave code empty to get the next free LP-NNN.")
    Mono<LpView> createLp(@RequestBody LpTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> lps.createLp(op, terms))
                .map(LpView::of);
    }

    @GetMapping("/lps")
    @Operation(summary = "List landing pages", description = "Active ones unless status=archived.")
    Flux<LpView> lps(
            @RequestParam(required = false) Entity entity, @RequestParam(required = false) CatalogStatus status) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> lps.lps(op, entity, status))
                .map(LpView::of);
    }

    @GetMapping("/lps/{code}")
    @Operation(summary = "One landing page")
    Mono<LpView> lp(@PathVariable String code) {
        return RdzSecurity.currentOperator().flatMap(op -> lps.lp(op, code)).map(LpView::of);
    }

    @PutMapping("/lps/{code}")
    @Operation(
            summary = "Edit a landing page",
            description = "Replaces name, url and form_code; code and entity may be repeated, not changed. Unknown "
                    + "or invalid fields: 400 problem detail listing each.")
    Mono<LpView> updateLp(
            @PathVariable String code,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = LpTerms.class)))
                    @RequestBody
                    JsonNode body) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> {
                    InvalidInput.Collector errors = new InvalidInput.Collector();
                    return lps.updateLp(op, code, json.read(body, LpTerms.class, errors), errors);
                })
                .map(LpView::of);
    }

    @PostMapping("/lps/{code}/archive")
    @Operation(summary = "Archive a landing page")
    Mono<LpView> archiveLp(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> lps.archiveLp(op, code))
                .map(LpView::of);
    }

    @PostMapping("/forms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a form",
            description = "Leave code empty to get the next free <PRODUCT>-NNN (PV-001, PAC-004…).")
    Mono<FormView> createForm(@RequestBody FormTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> forms.createForm(op, terms))
                .map(f -> FormView.of(f, null));
    }

    @GetMapping("/forms")
    @Operation(
            summary = "List forms",
            description = "Active ones unless status=archived; each with its card's figures since its last reset.")
    Flux<FormView> forms(
            @RequestParam(required = false) Entity entity,
            @RequestParam(required = false) Product product,
            @RequestParam(required = false) CatalogStatus status) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> forms.forms(op, entity, product, status))
                .collectList()
                .flatMapMany(forms -> cards.cards(forms.stream().map(Form::code).toList())
                        .flatMapIterable(c -> forms.stream()
                                .map(f -> FormView.of(f, c.get(f.code())))
                                .toList()));
    }

    @GetMapping("/forms/{code}")
    @Operation(summary = "One form", description = "With its card's figures since its last reset.")
    Mono<FormView> form(@PathVariable String code) {
        return RdzSecurity.currentOperator().flatMap(op -> forms.form(op, code)).flatMap(f -> cards.card(f.code())
                .map(c -> FormView.of(f, c)));
    }

    @PutMapping("/forms/{code}")
    @Operation(
            summary = "Edit a form",
            description = "Replaces name, lp_code and redirect_url; code, entity and product may be repeated, not "
                    + "changed. Unknown or invalid fields: 400 problem detail listing each.")
    Mono<FormView> updateForm(
            @PathVariable String code,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = FormTerms.class)))
                    @RequestBody
                    JsonNode body) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> {
                    InvalidInput.Collector errors = new InvalidInput.Collector();
                    return forms.updateForm(op, code, json.read(body, FormTerms.class, errors), errors);
                })
                .flatMap(f -> cards.card(f.code()).map(c -> FormView.of(f, c)));
    }

    @PostMapping("/forms/{code}/stats/reset")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reset a form's card figures",
            description = "Admins of the form's entity. Stores a snapshot of the card first (answered), then the card "
                    + "restarts from zero. Figures of the dashboard are not touched.")
    Mono<FormResets.Snapshot> resetStats(@PathVariable String code) {
        return RdzSecurity.currentOperator().flatMap(op -> forms.form(op, code).flatMap(f -> {
            Scope.requireWrite(op, f.entity());
            return cards.reset(f.code(), op.name());
        }));
    }

    @GetMapping("/forms/{code}/stats/snapshots")
    @Operation(summary = "The snapshots taken before each reset of a form's card, newest first")
    Mono<java.util.List<FormResets.Snapshot>> snapshots(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> forms.form(op, code))
                .flatMap(f -> cards.snapshots(f.code()));
    }

    @PostMapping("/forms/{code}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Duplicate a form", description = "A copy under the next free code of the same product.")
    Mono<FormView> duplicate(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> forms.duplicateForm(op, code))
                .map(f -> FormView.of(f, null));
    }

    @PostMapping("/forms/{code}/archive")
    @Operation(summary = "Archive a form", description = "It stays resolvable but leaves the lists.")
    Mono<FormView> archive(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> forms.archiveForm(op, code))
                .flatMap(f -> cards.card(f.code()).map(c -> FormView.of(f, c)));
    }
}
