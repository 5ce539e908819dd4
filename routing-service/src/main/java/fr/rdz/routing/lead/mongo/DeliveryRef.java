package fr.rdz.routing.lead.mongo;

import fr.rdz.routing.lead.application.StoredLead;
import java.time.Instant;

/** A delivery of this lead to one client, as routing recorded it from {@code LeadDelivered}. */
public record DeliveryRef(
        String clientId,
        String commandeId,
        String batchId,
        String runId,
        Instant deliveredAt,
        String kind,
        boolean crossEntity)
        implements StoredLead.Delivery {}
