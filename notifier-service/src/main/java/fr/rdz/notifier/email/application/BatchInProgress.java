package fr.rdz.notifier.email.application;

/** Another attempt holds the batch right now: retried later through the retry topics, never sent in parallel. */
public class BatchInProgress extends RuntimeException {

    public BatchInProgress(String batchId) {
        super("batch " + batchId + " is being sent by another attempt");
    }
}
