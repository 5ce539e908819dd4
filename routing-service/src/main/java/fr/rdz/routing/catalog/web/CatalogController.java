package fr.rdz.routing.catalog.web;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.catalog.application.FormTerms;
import fr.rdz.routing.catalog.application.LpTerms;
import fr.rdz.routing.catalog.application.ManagingLpsAndForms;
import fr.rdz.routing.catalog.web.CatalogViews.FormView;
import fr.rdz.routing.catalog.web.CatalogViews.LpView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    private final ManagingLpsAndForms catalog;

    CatalogController(ManagingLpsAndForms catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/lps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a landing page", description = "Leave code empty to get the next free LP-NNN.")
    Mono<LpView> createLp(@RequestBody LpTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.createLp(op, terms))
                .map(LpView::of);
    }

    @GetMapping("/lps")
    @Operation(summary = "List landing pages", description = "Active ones unless status=archived.")
    Flux<LpView> lps(
            @RequestParam(required = false) Entity entity, @RequestParam(required = false) CatalogStatus status) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> catalog.lps(op, entity, status))
                .map(LpView::of);
    }

    @GetMapping("/lps/{code}")
    @Operation(summary = "One landing page")
    Mono<LpView> lp(@PathVariable String code) {
        return RdzSecurity.currentOperator().flatMap(op -> catalog.lp(op, code)).map(LpView::of);
    }

    @PostMapping("/lps/{code}/archive")
    @Operation(summary = "Archive a landing page")
    Mono<LpView> archiveLp(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.archiveLp(op, code))
                .map(LpView::of);
    }

    @PostMapping("/forms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a form",
            description = "Leave code empty to get the next free <PRODUCT>-NNN (PV-001, PAC-004…).")
    Mono<FormView> createForm(@RequestBody FormTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.createForm(op, terms))
                .map(FormView::of);
    }

    @GetMapping("/forms")
    @Operation(summary = "List forms", description = "Active ones unless status=archived.")
    Flux<FormView> forms(
            @RequestParam(required = false) Entity entity,
            @RequestParam(required = false) Product product,
            @RequestParam(required = false) CatalogStatus status) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> catalog.forms(op, entity, product, status))
                .map(FormView::of);
    }

    @GetMapping("/forms/{code}")
    @Operation(summary = "One form")
    Mono<FormView> form(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.form(op, code))
                .map(FormView::of);
    }

    @PostMapping("/forms/{code}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Duplicate a form", description = "A copy under the next free code of the same product.")
    Mono<FormView> duplicate(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.duplicateForm(op, code))
                .map(FormView::of);
    }

    @PostMapping("/forms/{code}/archive")
    @Operation(summary = "Archive a form", description = "It stays resolvable but leaves the lists.")
    Mono<FormView> archive(@PathVariable String code) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.archiveForm(op, code))
                .map(FormView::of);
    }
}
