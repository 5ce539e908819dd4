package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Product;
import fr.rdz.routing.lead.application.KnownPhone;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What routing must know about one phone and product when it routes a new lead, keyed by
 * {@code <phone>|<product>} so that routing reads it by {@code _id} (an index lookup on the Mongo
 * stand-in, which keeps only unique indexes): the deliveries of the ledger (for the 30-day
 * duplicate rule) and the clients who rejected a lead of this person (never resold to them).
 * Personal data: erased with the person, and each fact at the retention limit of its source.
 */
@Document("phone_facts")
public record PhoneFacts(@Id String id, List<Delivered> deliveries, List<Rejection> rejections) implements KnownPhone {

    /** A line of the delivery ledger, as the duplicate rule needs it. */
    public record Delivered(String lineId, String clientId, Instant deliveredAt) implements KnownPhone.Delivery {}

    /** A client rejected the lead {@code leadId} of this phone and product. */
    public record Rejection(String leadId, String clientId) {}

    public static String key(String phone, Product product) {
        return phone + "|" + product.name();
    }

    @Override
    public List<Delivered> deliveriesOrEmpty() {
        return deliveries == null ? List.of() : deliveries;
    }

    public List<Rejection> rejectionsOrEmpty() {
        return rejections == null ? List.of() : rejections;
    }

    @Override
    public Set<String> rejectingClients() {
        return PhoneFactsStore.rejectingClients(this);
    }

    @Override
    public String toString() {
        return "PhoneFacts[deliveries=" + deliveriesOrEmpty().size() + ", rejections="
                + rejectionsOrEmpty().size() + "]";
    }
}
