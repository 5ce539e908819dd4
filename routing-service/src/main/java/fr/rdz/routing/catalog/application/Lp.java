package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.LpSnapshot;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;

/** A landing page; its code is its id. {@code outbox} holds the snapshots still to publish. */
public record Lp(
        String code,
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

    /** The same landing page with another outbox. */
    public Lp withOutbox(List<OutboxEntry> entries) {
        return new Lp(code, entity, name, url, formCode, status, createdAt, updatedAt, version, entries);
    }
}
