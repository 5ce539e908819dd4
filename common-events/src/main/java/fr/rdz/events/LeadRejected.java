package fr.rdz.events;

import java.time.Instant;

/** A client rejected a lead delivered to it: the lead is never resold to that client. */
public record LeadRejected(
        String leadId,
        String phone,
        Product product,
        Entity entity,
        String clientId,
        String batchId,
        String reason,
        Instant rejectedAt)
        implements RoutingEvent {

    @Override
    public String key() {
        return phone;
    }

    @Override
    public String toString() {
        return "LeadRejected[leadId=" + leadId + ", phone=" + Pii.maskPhone(phone) + ", clientId=" + clientId + "]";
    }
}
