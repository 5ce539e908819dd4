package fr.rdz.delivery.run.application;

import java.time.LocalDate;
import java.util.List;

/**
 * One part of a batch's events ({@code <batch_id>#<part>}): its DeliveryPlanned envelope and the LeadDelivered
 * envelopes of the leads it carries, all as JSON with their event ids fixed when the run was recorded.
 */
public record BatchPart(
        String batchId, String runId, LocalDate runDate, int part, String plannedEvent, List<String> deliveredEvents) {}
