package fr.rdz.events;

import java.util.List;

/** The client of a batch as the delivery channels need it; the API key only encrypted ({@link SecretBox}). */
public record BatchClient(
        String id,
        String name,
        List<String> emails,
        DeliveryChannel deliveryChannel,
        String apiUrl,
        String apiKeyEncrypted) {

    @Override
    public String toString() {
        return "BatchClient[id=" + id + ", name=" + name + ", channel=" + deliveryChannel + "]";
    }
}
