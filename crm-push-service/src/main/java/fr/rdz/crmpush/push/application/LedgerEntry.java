package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushStatus;

/**
 * One row of the push-attempt ledger ({@code push_attempts}, unique on batch + lead): status, POSTs made, last
 * error, and the outcome still to publish (written in the same single-document update as the status).
 */
public record LedgerEntry(
        String pushId,
        String batchId,
        String leadId,
        String clientId,
        PushStatus status,
        int attempts,
        String lastError,
        PendingOutcome pendingOutcome) {}
