package fr.rdz.routing.catalog.web;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.catalog.application.CommandeTerms;
import fr.rdz.routing.catalog.application.ManagingCommandes;
import fr.rdz.routing.catalog.web.CatalogViews.CommandeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/admin/commandes")
@Tag(name = "Commandes", description = "A client's standing weekly order for one product. Step 2, after the client.")
@SecurityRequirement(name = "basic")
class CommandeController {

    private final ManagingCommandes commandes;

    CommandeController(ManagingCommandes commandes) {
        this.commandes = commandes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a commande",
            description = "client_id from POST /admin/clients (same entity); departements 01…95/2A/2B or [\"*\"]; "
                    + "weekly_quota ≥ 0; delivery_days MON…SUN; lb_max_percent 0–100.")
    Mono<CommandeView> create(@RequestBody CommandeTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> commandes.create(op, terms))
                .map(CommandeView::of);
    }

    @GetMapping
    @Operation(summary = "List commandes", description = "By priority then creation; deleted ones are left out.")
    Flux<CommandeView> list(
            @RequestParam(required = false) Entity entity,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) Product product,
            @RequestParam(required = false) Boolean active) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> commandes.list(op, entity, clientId, product, active))
                .map(CommandeView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One commande")
    Mono<CommandeView> get(@PathVariable String id) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> commandes.get(op, id))
                .map(CommandeView::of);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a commande", description = "Same body as create; entity cannot change.")
    Mono<CommandeView> replace(@PathVariable String id, @RequestBody CommandeTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> commandes.replace(op, id, terms))
                .map(CommandeView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a commande", description = "Soft delete: published as deleted and inactive.")
    Mono<Void> delete(@PathVariable String id) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> commandes.delete(op, id))
                .then();
    }
}
