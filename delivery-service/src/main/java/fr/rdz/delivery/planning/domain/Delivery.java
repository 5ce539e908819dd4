package fr.rdz.delivery.planning.domain;

import fr.rdz.events.Pii;
import fr.rdz.events.Product;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the delivery ledger as the planner needs it: which phone + product went to which client, when, by which commande. */
public record Delivery(
        String leadId,
        String phone,
        Product product,
        String clientId,
        String commandeId,
        LocalDate runDate,
        Instant deliveredAt) {

    @Override
    public String toString() {
        return "Delivery[" + leadId + ", " + Pii.maskPhone(phone) + ", " + product + ", " + clientId + ", " + commandeId
                + ", " + runDate + "]";
    }
}
