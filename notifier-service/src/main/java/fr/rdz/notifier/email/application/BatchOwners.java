package fr.rdz.notifier.email.application;

import reactor.core.publisher.Mono;

/** Whose batch an e-mail was: the buyers' portal serves a batch's CSV to that client only. */
public interface BatchOwners {

    /** The client the batch's e-mail was composed for; empty when no e-mail was composed for it. */
    Mono<String> clientOf(String batchId);
}
