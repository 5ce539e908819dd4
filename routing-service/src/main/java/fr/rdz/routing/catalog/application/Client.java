package fr.rdz.routing.catalog.application;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * A lead buyer. The CRM API key is held only encrypted ({@code SecretBox}) with its masked hint; {@code outbox} holds
 * the snapshots still to publish.
 */
public record Client(
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
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<OutboxEntry> outbox) {

    public ClientSnapshot snapshot() {
        return new ClientSnapshot(
                id,
                entity,
                name,
                emails,
                deliveryChannel,
                apiUrl,
                apiKeyEncrypted,
                apiKeyHint,
                active,
                deleted,
                updatedAt);
    }

    @Override
    public String toString() {
        return "Client[id=" + id + ", entity=" + entity + ", name=" + name + "]";
    }

    /** The same client with another outbox. */
    public Client withOutbox(List<OutboxEntry> entries) {
        return new Client(
                id,
                entity,
                name,
                emails,
                deliveryChannel,
                apiUrl,
                apiKeyEncrypted,
                apiKeyHint,
                active,
                deleted,
                createdAt,
                updatedAt,
                version,
                entries);
    }
}
