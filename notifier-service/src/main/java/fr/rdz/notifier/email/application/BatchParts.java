package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import java.util.List;

/**
 * The parts of big batches received so far (a DeliveryPlanned too big for one Kafka record travels in
 * parts), one record per batch id + part number under a unique key: storing a part twice changes nothing.
 */
public interface BatchParts {

    /** Keeps a part (idempotent: the same batch id and part number is stored once). */
    void store(DeliveryPlanned part);

    /** The stored parts 1…{@code parts} of a batch, in part order; fewer than {@code parts} while some are missing. */
    List<DeliveryPlanned> find(String batchId, int parts);

    /** Forgets the parts of a batch whose e-mail went out and was reported. */
    void delete(String batchId, int parts);
}
