package fr.rdz.routing.lead.mongo;

import fr.rdz.routing.lead.application.StoredLead;
import java.time.Instant;
import java.util.List;

/**
 * One step of a lead's life as routing saw it: {@code received}, {@code routed}, {@code delivered}
 * (planned into a batch), {@code sent}/{@code pushed}/{@code failed} per channel, {@code rejected},
 * {@code erased}. {@code event_id} is the event that caused it: a redelivered event adds nothing.
 */
public record HistoryEntry(
        String eventId,
        String type,
        Instant at,
        String status,
        String state,
        List<String> commandeIds,
        String clientId,
        String commandeId,
        String batchId,
        String runId,
        String channel,
        String kind,
        Boolean crossEntity,
        String reason,
        String by)
        implements StoredLead.Step {

    public static HistoryEntry of(String eventId, String type, Instant at) {
        return new HistoryEntry(
                eventId, type, at, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public HistoryEntry withStatus(String value) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                value,
                state,
                commandeIds,
                clientId,
                commandeId,
                batchId,
                runId,
                channel,
                kind,
                crossEntity,
                reason,
                by);
    }

    public HistoryEntry withState(String value, List<String> commandes) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                value,
                commandes,
                clientId,
                commandeId,
                batchId,
                runId,
                channel,
                kind,
                crossEntity,
                reason,
                by);
    }

    public HistoryEntry withDelivery(String client, String commande, String batch, String run) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                state,
                commandeIds,
                client,
                commande,
                batch,
                run,
                channel,
                kind,
                crossEntity,
                reason,
                by);
    }

    public HistoryEntry withChannel(String value) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                state,
                commandeIds,
                clientId,
                commandeId,
                batchId,
                runId,
                value,
                kind,
                crossEntity,
                reason,
                by);
    }

    public HistoryEntry withKind(String value, Boolean cross) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                state,
                commandeIds,
                clientId,
                commandeId,
                batchId,
                runId,
                channel,
                value,
                cross,
                reason,
                by);
    }

    public HistoryEntry withReason(String value) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                state,
                commandeIds,
                clientId,
                commandeId,
                batchId,
                runId,
                channel,
                kind,
                crossEntity,
                value,
                by);
    }

    public HistoryEntry withBy(String value) {
        return new HistoryEntry(
                eventId,
                type,
                at,
                status,
                state,
                commandeIds,
                clientId,
                commandeId,
                batchId,
                runId,
                channel,
                kind,
                crossEntity,
                reason,
                value);
    }
}
