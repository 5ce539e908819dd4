package fr.rdz.routing.portal.web;

import fr.rdz.kit.PortalClient;
import fr.rdz.kit.Problems;
import fr.rdz.routing.lead.application.RejectingLead;
import fr.rdz.routing.portal.application.PortalProofLinks;
import fr.rdz.routing.portal.application.ReadingPortalLeads;
import fr.rdz.routing.portal.domain.ReturnReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The buyers' portal routes of routing (role {@code client}, through the console's token): the
 * leads delivered to the caller's own client id, and their return. The client id is always the
 * token's ({@link PortalClient}); a lead not delivered to it answers 404 and is never listed.
 */
@RestController
@RequestMapping("/portal")
@Tag(name = "Portal", description = "A buyer's own delivered leads and their return (role client)")
class PortalLeadsController {

    static final int MAX_IDS = 500;

    private final ReadingPortalLeads reading;
    private final RejectingLead rejecting;
    private final Clock clock;
    private final PortalProofLinks proofLinks;

    PortalLeadsController(
            ReadingPortalLeads reading,
            RejectingLead rejecting,
            Clock clock,
            ObjectProvider<PortalProofLinks> proofLinks) {
        this.reading = reading;
        this.rejecting = rejecting;
        this.clock = clock;
        this.proofLinks = proofLinks.getIfAvailable(() -> PortalProofLinks.NONE);
    }

    /** A buyer's return: one of the reasons' codes, and a text (required for {@code autre}). */
    record ReturnTerms(String reason, String comment) {}

    @GetMapping("/return-reasons")
    @Operation(summary = "The reasons a buyer may give when it returns a lead: [{code, label}]")
    List<Map<String, String>> reasons() {
        return Arrays.stream(ReturnReason.values())
                .map(r -> Map.of("code", r.code(), "label", r.label()))
                .toList();
    }

    @GetMapping("/leads")
    @Operation(
            summary = "The caller's delivered leads among ids",
            description =
                    "ids: comma-separated lead ids (at most 500); those not delivered to the caller are left out.")
    Mono<List<PortalLeadView>> leads(@RequestParam(name = "ids", required = false) String ids) {
        Set<String> wanted = new LinkedHashSet<>();
        if (ids != null) {
            Arrays.stream(ids.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(wanted::add);
        }
        Problems.Checks checks = Problems.checks();
        if (wanted.isEmpty()) {
            checks.invalid("ids", "Indiquez au moins un identifiant de lead.");
        } else if (wanted.size() > MAX_IDS) {
            checks.invalid("ids", "Au plus " + MAX_IDS + " identifiants de lead à la fois.");
        }
        checks.orFail();
        return PortalClient.current().flatMap(client -> Flux.fromIterable(wanted)
                .concatMap(id -> view(client, id))
                .collectList());
    }

    @GetMapping("/leads/{id}")
    @Operation(summary = "One lead delivered to the caller (404 otherwise)")
    Mono<PortalLeadView> lead(@PathVariable String id) {
        return PortalClient.current()
                .flatMap(client -> view(client, id))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("no lead " + id + " delivered to you")));
    }

    @PostMapping("/leads/{id}/return")
    @Operation(
            summary = "Return a lead delivered to the caller",
            description = "Within the rejection window of its delivery; body {reason, comment}: reason one of "
                    + "/portal/return-reasons, comment required for 'autre'. Same rule as an operator's "
                    + "rejection: never resold to this client. 404 for a lead not delivered to the caller.")
    Mono<PortalLeadView> returnLead(@PathVariable String id, @RequestBody ReturnTerms terms) {
        return PortalClient.current().flatMap(client -> reading.deliveredTo(client.clientId(), id)
                .map(ReadingPortalLeads.Delivered::delivery)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("no lead " + id + " delivered to you")))
                .flatMap(delivery -> {
                    Problems.Checks checks = Problems.checks();
                    String code = terms == null ? null : terms.reason();
                    String comment = terms == null || terms.comment() == null
                            ? null
                            : terms.comment().trim();
                    ReturnReason reason = ReturnReason.of(code).orElse(null);
                    if (reason == null) {
                        checks.invalid("reason", "Choisissez un motif de retour dans la liste.");
                    } else if (reason == ReturnReason.AUTRE && (comment == null || comment.isEmpty())) {
                        checks.invalid("comment", "Précisez le motif du retour.");
                    }
                    if (comment != null && comment.length() > ReturnReason.MAX_COMMENT) {
                        checks.invalid(
                                "comment",
                                "Le texte du motif est trop long (au plus " + ReturnReason.MAX_COMMENT
                                        + " caractères).");
                    }
                    Instant until = rejecting.windowEnd(delivery);
                    if (until != null && until.isBefore(clock.instant())) {
                        checks.invalid("reason", "Le délai de retour de ce lead est dépassé.");
                    }
                    checks.orFail();
                    return rejecting.rejectAsClient(
                            client.clientId(), "client:" + client.name(), id, reason.describe(comment));
                })
                .then(view(client, id)));
    }

    private Mono<PortalLeadView> view(PortalClient client, String id) {
        return reading.deliveredTo(client.clientId(), id).map(this::view);
    }

    private PortalLeadView view(ReadingPortalLeads.Delivered found) {
        return PortalLeadView.of(
                found.lead(),
                found.delivery(),
                rejecting.windowEnd(found.delivery()),
                clock.instant(),
                proofLinks.urlFor(found.lead().id()).orElse(null));
    }
}
