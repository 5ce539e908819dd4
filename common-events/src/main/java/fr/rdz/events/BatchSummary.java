package fr.rdz.events;

/** The figures of one batch of a run, including empty and short ones (which are recorded, not sent). */
public record BatchSummary(
        String batchId,
        String commandeId,
        String clientId,
        Product product,
        int target,
        int fresh,
        int lb,
        int crossEntity,
        int duplicatesReplaced,
        boolean shortOfTarget) {}
