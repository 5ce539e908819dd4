package fr.rdz.intake.catalog.application;

import fr.rdz.intake.catalog.domain.CatalogForm;
import fr.rdz.intake.catalog.domain.CatalogLp;
import java.util.Optional;

/** The LP/form catalog as intake sees it (fed by routing-service's compacted catalog topics). */
public interface Catalog {

    Optional<CatalogForm> form(String code);

    Optional<CatalogLp> lp(String code);
}
