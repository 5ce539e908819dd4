package fr.rdz.routing.brief.web;

import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.brief.application.GeneratingTrackingBrief;
import fr.rdz.routing.brief.domain.BriefMode;
import fr.rdz.routing.brief.domain.TrackingBrief;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/admin")
@Tag(name = "Catalog", description = "Landing pages and forms (codes LP-001, PV-001… generated when absent)")
@SecurityRequirement(name = "basic")
class BriefController {

    private final GeneratingTrackingBrief briefs;

    BriefController(GeneratingTrackingBrief briefs) {
        this.briefs = briefs;
    }

    @GetMapping("/forms/{code}/brief")
    @Operation(
            summary = "Tracking scripts and mini brief of a form",
            description = "Mode A: `lp_script` for the landing page and `form_script` for the form page. "
                    + "Mode B: one `integrated_script` for a single page holding both. Paste each <script> as is. "
                    + "The form page calls `window.rdzSubmitLead(data)`, which resolves with intake's answer.")
    Mono<TrackingBrief> brief(
            @PathVariable String code,
            @Parameter(description = "A (two scripts) or B (one integrated script)") @RequestParam(defaultValue = "A")
                    BriefMode mode) {
        return RdzSecurity.currentOperator().flatMap(op -> briefs.brief(op, code, mode));
    }
}
