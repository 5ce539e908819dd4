package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.LpSnapshot;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A landing page; its code is its id. {@code outbox} holds the snapshots still to publish. */
@Document("lps")
public record LpDocument(
        @Id String code,
        Entity entity,
        String name,
        String url,
        String formCode,
        CatalogStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<OutboxEntry> outbox) {

    public LpSnapshot snapshot() {
        return new LpSnapshot(code, entity, name, url, formCode, status, updatedAt);
    }
}
