package fr.rdz.routing.lead.web;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.lead.application.ErasingPerson;
import fr.rdz.routing.lead.application.LeadSearch;
import fr.rdz.routing.lead.application.RejectTerms;
import fr.rdz.routing.lead.application.RejectingLead;
import fr.rdz.routing.lead.application.SearchingLeads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    LeadController(SearchingLeads searching, RejectingLead rejecting, ErasingPerson erasing) {
        this.searching = searching;
        this.rejecting = rejecting;
        this.erasing = erasing;
    }

    @GetMapping("/leads")
    @Operation(
            summary = "Search leads",
            description = "Newest first. The body is the page of leads; headers X-Total-Count, X-Page, X-Page-Size "
                    + "tell the paging (page from 0, size up to 500). from/to: dates (Paris days, included) or "
                    + "instants. status matches the current status, intake's status or the routing state.")
    Mono<ResponseEntity<List<LeadView>>> search(
            @RequestParam(required = false) Entity entity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Product product,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String lp,
            @RequestParam(name = "utm_source", required = false) String utmSource,
            @RequestParam(name = "utm_campaign", required = false) String utmCampaign,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LeadSearch search =
                new LeadSearch(entity, status, phone, from, to, product, form, lp, utmSource, utmCampaign, page, size);
        return RdzSecurity.currentOperator()
                .flatMap(op -> searching.search(op, search))
                .map(p -> ResponseEntity.ok()
                        .header("X-Total-Count", Long.toString(p.total()))
                        .header("X-Page", Integer.toString(p.page()))
                        .header("X-Page-Size", Integer.toString(p.size()))
                        .body(p.items().stream().map(LeadView::summary).toList()));
    }

    @GetMapping("/leads/{id}")
    @Operation(
            summary = "One lead with its full history",
            description = "received → routed → delivered → sent/pushed/failed per channel → rejected, erased")
    Mono<LeadView> get(@PathVariable String id) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> searching.get(op, id))
                .map(LeadView::detail);
    }

    @PostMapping("/leads/{id}/reject")
    @Operation(
            summary = "Record a client's rejection of a delivered lead",
            description = "The lead is never resold to that client (LeadRejected is published).")
    Mono<LeadView> reject(@PathVariable String id, @RequestBody RejectTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> rejecting.reject(op, id, terms))
                .map(LeadView::detail);
    }

    @DeleteMapping("/persons/{phone}")
    @Operation(
            summary = "Erase a person's personal data",
            description = "Blanks the personal fields of every lead of this phone, keeps anonymous counts and "
                    + "publishes PersonErased. Unscoped admins only.")
    Mono<ErasingPerson.Erasure> erase(@PathVariable String phone) {
        return RdzSecurity.currentOperator().flatMap(op -> erasing.erase(op, phone));
    }
}
