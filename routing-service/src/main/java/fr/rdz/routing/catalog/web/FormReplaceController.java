package fr.rdz.routing.catalog.web;

import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.catalog.application.FormTerms;
import fr.rdz.routing.catalog.application.ManagingLpsAndForms;
import fr.rdz.routing.catalog.web.CatalogViews.FormView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code PUT /admin/forms/{code}}: a form's name, LP, thank-you page and consent text in force. */
@RestController
@RequestMapping("/admin/forms")
@Tag(name = "Catalog")
@SecurityRequirement(name = "basic")
class FormReplaceController {

    private final ManagingLpsAndForms catalog;

    FormReplaceController(ManagingLpsAndForms catalog) {
        this.catalog = catalog;
    }

    @PutMapping("/{code}")
    @Operation(
            summary = "Replace a form",
            description = "name, lp_code, redirect_url and consent_text_version (a known consent text of the"
                    + " form's entity); code, entity and product cannot change.")
    Mono<FormView> replace(@PathVariable String code, @RequestBody FormTerms terms) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> catalog.replaceForm(op, code, terms))
                .map(FormView::of);
    }
}
