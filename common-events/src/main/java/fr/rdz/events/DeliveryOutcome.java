package fr.rdz.events;

import java.time.Instant;
import java.util.List;

/**
 * What a delivery channel did with a batch: the e-mail of the whole batch ({@code channel}
 * email, every lead id), or the CRM push of one lead ({@code channel} api, one lead id).
 * Keyed by client id.
 */
public record DeliveryOutcome(
        String batchId,
        String runId,
        Entity entity,
        String clientId,
        OutcomeChannel channel,
        List<String> leadIds,
        OutcomeStatus status,
        String reason,
        int attempts,
        Instant at)
        implements ChannelEvent {

    @Override
    public String key() {
        return clientId;
    }
}
