package fr.rdz.intake.catalog.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;

/** What intake needs of a form: its entity and product (for the lead) and its LP. */
public record CatalogForm(String code, Entity entity, Product product, String lpCode, String consentTextVersion) {

    /** A form that names no consent text. */
    public CatalogForm(String code, Entity entity, Product product, String lpCode) {
        this(code, entity, product, lpCode, null);
    }
}
