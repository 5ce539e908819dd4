package fr.rdz.intake.catalog.application;

import fr.rdz.intake.catalog.domain.CatalogForm;
import fr.rdz.intake.catalog.domain.CatalogLp;
import java.util.Optional;

/** The LP/form catalog as intake sees it (fed by routing-service's compacted catalog topics). */
public interface Catalog {

    Optional<CatalogForm> form(String code);

    Optional<CatalogLp> lp(String code);

    /**
     * The form a landing page feeds: the one its LP names, else the form created with this
     * {@code lp_code} (a form linked from its side leaves the LP's own {@code form_code} empty).
     */
    default Optional<String> formOfLp(String lpCode) {
        return lp(lpCode).map(CatalogLp::formCode).filter(code -> !code.isBlank());
    }
}
