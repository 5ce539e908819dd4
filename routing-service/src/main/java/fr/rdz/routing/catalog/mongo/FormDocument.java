package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A lead form; its code is its id. {@code outbox} holds the snapshots still to publish;
 * {@code consentTextVersion} names the consent text in force on the form (null: none). */
@Document("forms")
public record FormDocument(
        @Id String code,
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
}
