package fr.rdz.events;

import java.time.Instant;

/** The current state of a landing page ({@code LP-001}…) and the form it feeds, on the compacted LPs topic. */
public record LpSnapshot(
        String code, Entity entity, String name, String url, String formCode, CatalogStatus status, Instant updatedAt)
        implements RoutingEvent {

    @Override
    public String key() {
        return code;
    }
}
