package fr.rdz.routing.catalog.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.catalog.application.ClientTerms;
import fr.rdz.routing.catalog.application.ManagingClients;
import fr.rdz.routing.catalog.web.CatalogViews.ClientView;
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
@RequestMapping("/admin/clients")
@Tag(
        name = "Clients",
        description = "Lead buyers. Step 1 of setting up a buyer: create the client, then its commandes.")
@SecurityRequirement(name = "basic")
class ClientController {

    private final ManagingClients clients;

    ClientController(ManagingClients clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a client",
            description = "entity and name are required; emails for channel email/both; api_url and api_key for "
                    + "api/both. The answer's id is the client_id of its commandes. The key is never returned.")
    Mono<ClientView> create(@RequestBody ClientTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> clients.create(op, terms))
                .map(ClientView::of);
    }

    @GetMapping
    @Operation(summary = "List clients", description = "Deleted clients are left out.")
    Flux<ClientView> list(
            @RequestParam(required = false) Entity entity, @RequestParam(required = false) Boolean active) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> clients.list(op, entity, active))
                .map(ClientView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One client")
    Mono<ClientView> get(@PathVariable String id) {
        return RdzSecurity.currentOperator().flatMap(op -> clients.get(op, id)).map(ClientView::of);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a client",
            description =
                    "Same body as create; entity cannot change. Omit api_key to keep the stored key, \"\" to remove it.")
    Mono<ClientView> replace(@PathVariable String id, @RequestBody ClientTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> clients.replace(op, id, terms))
                .map(ClientView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a client", description = "Soft delete: published as deleted and inactive.")
    Mono<Void> delete(@PathVariable String id) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> clients.delete(op, id))
                .then();
    }
}
