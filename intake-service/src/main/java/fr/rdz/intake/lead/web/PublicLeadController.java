package fr.rdz.intake.lead.web;

import fr.rdz.intake.inbound.web.Callers;
import fr.rdz.intake.inbound.web.JsonFields;
import fr.rdz.intake.inbound.web.PublicBodies;
import fr.rdz.intake.inbound.web.PublicDeadline;
import fr.rdz.intake.lead.application.ReceivingLead;
import fr.rdz.intake.lead.application.RequestOrigin;
import fr.rdz.intake.lead.domain.LeadSubmission;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /public/leads}: every lead is stored before the answer (201, or 200 for a double submit). */
@RestController
public class PublicLeadController {

    private static final JsonFields FIELDS = PublicLeadFields.rules();

    private final PublicBodies bodies;
    private final Callers callers;
    private final ReceivingLead receiving;
    private final PublicDeadline deadline;

    public PublicLeadController(
            PublicBodies bodies, Callers callers, ReceivingLead receiving, PublicDeadline deadline) {
        this.bodies = bodies;
        this.deadline = deadline;
        this.callers = callers;
        this.receiving = receiving;
    }

    @Operation(
            summary =
                    "Submit a lead (seed LeadData + code_postal, page_url, consent_text, submission_id); application/json")
    @PostMapping("/public/leads")
    public Mono<ResponseEntity<LeadAnswer>> submit(ServerHttpRequest request) {
        RequestOrigin origin = new RequestOrigin(callers.ip(request), callers.userAgent(request));
        return bodies.readJson(request, LeadSubmission.class, false, FIELDS, LeadSubmission::identifiesALead)
                .flatMap(submission -> deadline.bound(receiving.receive(submission, origin)))
                .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(LeadAnswer.of(r)));
    }
}
