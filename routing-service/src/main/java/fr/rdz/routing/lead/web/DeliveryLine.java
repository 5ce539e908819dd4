package fr.rdz.routing.lead.web;

import fr.rdz.routing.lead.application.StoredLead;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A delivery of the lead to one client as operators see it (the fields routing recorded from {@code LeadDelivered}). */
@Schema(name = "DeliveryRef")
record DeliveryLine(
        String clientId,
        String commandeId,
        String batchId,
        String runId,
        Instant deliveredAt,
        String kind,
        boolean crossEntity) {

    static DeliveryLine of(StoredLead.Delivery d) {
        return new DeliveryLine(
                d.clientId(), d.commandeId(), d.batchId(), d.runId(), d.deliveredAt(), d.kind(), d.crossEntity());
    }
}
