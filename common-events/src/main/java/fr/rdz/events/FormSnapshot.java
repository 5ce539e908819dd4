package fr.rdz.events;

import java.time.Instant;

/** The current state of a form ({@code PV-001}…), on the compacted forms topic, keyed by code;
 * {@code consent_text_version} is the consent text in force on the form (null: none named). */
public record FormSnapshot(
        String code,
        Entity entity,
        Product product,
        String name,
        String lpCode,
        String redirectUrl,
        CatalogStatus status,
        Instant updatedAt,
        String consentTextVersion)
        implements RoutingEvent {

    /** A form that names no consent text. */
    public FormSnapshot(
            String code,
            Entity entity,
            Product product,
            String name,
            String lpCode,
            String redirectUrl,
            CatalogStatus status,
            Instant updatedAt) {
        this(code, entity, product, name, lpCode, redirectUrl, status, updatedAt, null);
    }

    @Override
    public String key() {
        return code;
    }
}
