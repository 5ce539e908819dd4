package fr.rdz.events;

import java.time.Instant;

/** The current state of a form ({@code PV-001}…), on the compacted forms topic, keyed by code. */
public record FormSnapshot(
        String code,
        Entity entity,
        Product product,
        String name,
        String lpCode,
        String redirectUrl,
        CatalogStatus status,
        Instant updatedAt)
        implements RoutingEvent {

    @Override
    public String key() {
        return code;
    }
}
