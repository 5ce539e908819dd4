package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * A lead form; its code is its id. {@code outbox} holds the snapshots still to publish; {@code consentTextVersion}
 * names the consent text in force on the form (null: none).
 */
public record Form(
        String code,
        Entity entity,
        Product product,
        String name,
        String lpCode,
        String redirectUrl,
        CatalogStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<OutboxEntry> outbox,
        String consentTextVersion) {

    public FormSnapshot snapshot() {
        return new FormSnapshot(
                code, entity, product, name, lpCode, redirectUrl, status, updatedAt, consentTextVersion);
    }

    /** The same form with another outbox. */
    public Form withOutbox(List<OutboxEntry> entries) {
        return new Form(
                code,
                entity,
                product,
                name,
                lpCode,
                redirectUrl,
                status,
                createdAt,
                updatedAt,
                version,
                entries,
                consentTextVersion);
    }
}
