package fr.rdz.routing.lead.web;

import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.lead.application.ErasingPerson;
import fr.rdz.routing.lead.application.ExplainingNonDelivery;
import fr.rdz.routing.lead.application.LeadSearch;
import fr.rdz.routing.lead.application.RejectTerms;
import fr.rdz.routing.lead.application.RejectingLead;
import fr.rdz.routing.lead.application.SearchingLeads;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/admin")
@Tag(name = "Leads", description = "Lead search, detail with history, rejection, erasure of a person")
@SecurityRequirement(name = "basic")
class LeadController {

    private final SearchingLeads searching;
    private final RejectingLead rejecting;
    private final ErasingPerson erasing;
    private final ExplainingNonDelivery explaining;

    LeadController(
            SearchingLeads searching,
            RejectingLead rejecting,
            ErasingPerson erasing,
            ExplainingNonDelivery explaining) {
        this.searching = searching;
        this.explaining = explaining;
        this.rejecting = rejecting;
        this.erasing = erasing;
    }

    @GetMapping("/leads")
    @Operation(
            summary = "Search leads",
            description = "Newest first. The body is the page of leads; headers X-Total-Count, X-Page, X-Page-Size "
                    + "tell the paging (page from 0, size 1 to 500, default 50). from/to: dates (Paris days, "
                    + "included) or instants. status matches the current status, intake's status or the routing "
                    + "state. name: accent- and case-insensitive part of nom/prenom; email: exact when it holds "
                    + "an @, else a part; client/commande: leads delivered to it. Unknown parameters and values: "
                    + "400 problem detail listing each.")
    @Parameters({
        @Parameter(name = "entity", in = ParameterIn.QUERY, description = "ZR7 or MDL"),
        @Parameter(name = "status", in = ParameterIn.QUERY),
        @Parameter(name = "phone", in = ParameterIn.QUERY),
        @Parameter(name = "name", in = ParameterIn.QUERY),
        @Parameter(name = "email", in = ParameterIn.QUERY),
        @Parameter(name = "from", in = ParameterIn.QUERY),
        @Parameter(name = "to", in = ParameterIn.QUERY),
        @Parameter(name = "product", in = ParameterIn.QUERY, description = "PV, PAC or ITE"),
        @Parameter(name = "departement", in = ParameterIn.QUERY),
        @Parameter(name = "form", in = ParameterIn.QUERY),
        @Parameter(name = "lp", in = ParameterIn.QUERY),
        @Parameter(name = "utm_source", in = ParameterIn.QUERY),
        @Parameter(name = "utm_campaign", in = ParameterIn.QUERY),
        @Parameter(name = "quality_tier", in = ParameterIn.QUERY),
        @Parameter(name = "client", in = ParameterIn.QUERY),
        @Parameter(name = "commande", in = ParameterIn.QUERY),
        @Parameter(name = "page", in = ParameterIn.QUERY),
        @Parameter(name = "size", in = ParameterIn.QUERY)
    })
    Mono<ResponseEntity<List<LeadView>>> search(@Parameter(hidden = true) ServerHttpRequest request) {
        InvalidInput.Collector errors = QueryParameters.unknown(request, LeadSearch.PARAMETERS);
        LeadSearch search = LeadSearch.parse(request.getQueryParams().toSingleValueMap(), errors);
        return RdzSecurity.currentOperator()
                .flatMap(op -> searching.search(op, search))
                .map(p -> ResponseEntity.ok()
                        .header("X-Total-Count", Long.toString(p.total()))
                        .header("X-Total-Count-Capped", Boolean.toString(p.capped()))
                        .header("X-Page", Integer.toString(p.page()))
                        .header("X-Page-Size", Integer.toString(p.size()))
                        .body(p.items().stream().map(LeadView::summary).toList()));
    }

    @GetMapping("/leads/{id}")
    @Operation(
            summary = "One lead with its full history",
            description = "received → routed → delivered (planned) → sent/pushed/failed per channel → rejected, "
                    + "erased; each history entry has a French label; why_not_delivered {code, params, message} "
                    + "unless delivered")
    Mono<LeadView> get(@PathVariable String id) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> searching.get(op, id))
                .flatMap(this::detail);
    }

    @PostMapping("/leads/{id}/reject")
    @Operation(
            summary = "Record a client's rejection of a delivered lead",
            description = "The lead is never resold to that client (LeadRejected is published).")
    Mono<LeadView> reject(@PathVariable String id, @RequestBody RejectTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> rejecting.reject(op, id, terms).then(searching.get(op, id)))
                .flatMap(this::detail);
    }

    @DeleteMapping("/persons/{phone}")
    @Operation(
            summary = "Erase a person's personal data",
            description = "Blanks the personal fields of every lead of this phone, keeps anonymous counts and "
                    + "publishes PersonErased. Unscoped admins only.")
    Mono<ErasingPerson.Erasure> erase(@PathVariable String phone) {
        return RdzSecurity.currentOperator().flatMap(op -> erasing.erase(op, phone));
    }

    private Mono<LeadView> detail(StoredLead lead) {
        return explaining.explain(lead).map(detail -> LeadView.detail(lead, detail));
    }
}
