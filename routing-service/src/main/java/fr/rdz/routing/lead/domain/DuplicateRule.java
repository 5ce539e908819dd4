package fr.rdz.routing.lead.domain;

import fr.rdz.events.Product;
import fr.rdz.rules.ThirtyDayWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 30-day duplicate rule (spec §5.4): a lead is a duplicate for a client when a lead with the
 * same phone and the same product was delivered to that client in the previous 30 days — the window
 * of {@link ThirtyDayWindow} (30 Paris calendar days, its first instant included), the same one
 * delivery-service's planner applies.
 *
 * <p>Routing applies it when it names the commandes a new lead is eligible for, from its own copy
 * of the delivery ledger (fed by {@code LeadDelivered}). delivery-service applies the same rule
 * again at run time from its own authoritative ledger (which also sees the leads of the batch
 * being built), so a delivery that routing has not heard of yet never produces a duplicate.
 */
public final class DuplicateRule {

    private DuplicateRule() {}

    /** One line of the delivery ledger. */
    public record Delivery(String phone, Product product, String clientId, Instant deliveredAt) {

        @Override
        public String toString() {
            return "Delivery[product=" + product + ", clientId=" + clientId + ", deliveredAt=" + deliveredAt + "]";
        }
    }

    /** Whether {@code delivery} bars the same phone and product for its client at {@code now}. */
    public static boolean bars(Delivery delivery, String phone, Product product, Instant now) {
        return delivery.phone() != null
                && delivery.phone().equals(phone)
                && delivery.product() == product
                && ThirtyDayWindow.counts(delivery.deliveredAt(), now);
    }

    public static boolean isDuplicate(
            String phone, Product product, String clientId, Collection<Delivery> ledger, Instant now) {
        return ledger.stream().anyMatch(d -> Objects.equals(d.clientId(), clientId) && bars(d, phone, product, now));
    }

    /** The clients to whom this phone and product may not go at {@code now}. */
    public static Set<String> barredClients(String phone, Product product, Collection<Delivery> ledger, Instant now) {
        return ledger.stream()
                .filter(d -> bars(d, phone, product, now))
                .map(Delivery::clientId)
                .collect(Collectors.toSet());
    }

    /** For each barred client, the last instant this phone and product are still barred for it. */
    public static Map<String, Instant> barredUntil(
            String phone, Product product, Collection<Delivery> ledger, Instant now) {
        Map<String, Instant> until = new HashMap<>();
        ledger.stream()
                .filter(d -> bars(d, phone, product, now))
                .forEach(d -> until.merge(
                        d.clientId(),
                        ThirtyDayWindow.lastInstantCounted(d.deliveredAt()),
                        (a, b) -> a.isAfter(b) ? a : b));
        return until;
    }

    /** The start of the window: deliveries at or after this instant may bar a lead at {@code now}. */
    public static Instant windowStart(Instant now) {
        return ThirtyDayWindow.start(now);
    }
}
