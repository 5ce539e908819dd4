package fr.rdz.events;

import java.time.Instant;
import java.util.List;

/**
 * The current state of a client, on the compacted clients topic. The CRM API key travels only
 * encrypted ({@link SecretBox}); {@code api_key_hint} is its masked form for display.
 */
public record ClientSnapshot(
        String id,
        Entity entity,
        String name,
        List<String> emails,
        DeliveryChannel deliveryChannel,
        String apiUrl,
        String apiKeyEncrypted,
        String apiKeyHint,
        boolean active,
        boolean deleted,
        Instant updatedAt)
        implements RoutingEvent {

    @Override
    public String key() {
        return id;
    }

    @Override
    public String toString() {
        return "ClientSnapshot[id=" + id + ", entity=" + entity + ", name=" + name + ", channel=" + deliveryChannel
                + ", active=" + active + ", deleted=" + deleted + "]";
    }
}
