package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A lead buyer. The CRM API key is stored only encrypted ({@code SecretBox}) with its masked hint. */
@Document("clients")
public record ClientDocument(
        @Id String id,
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
        return "ClientDocument[id=" + id + ", entity=" + entity + ", name=" + name + "]";
    }
}
