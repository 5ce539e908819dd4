package fr.rdz.events;

import java.time.Instant;
import java.util.List;

/**
 * A person withdrew their consent (opposition, spec §11) and one of their leads had been delivered
 * in the last 30 days: {@code client_ids} are the clients who received it and must be told to stop
 * calling ({@code phone}, the lead's phone, is how they know the person). Published by routing once
 * per lead concerned, keyed by phone; the notifier tells each client in its next batch e-mail.
 */
public record ConsentWithdrawn(String leadId, String phone, Entity entity, Instant withdrawnAt, List<String> clientIds)
        implements RoutingEvent {

    @Override
    public String key() {
        return phone;
    }

    @Override
    public String toString() {
        return "ConsentWithdrawn[leadId=" + leadId + ", phone=" + Pii.maskPhone(phone) + ", withdrawnAt=" + withdrawnAt
                + ", clientIds=" + clientIds + "]";
    }
}
