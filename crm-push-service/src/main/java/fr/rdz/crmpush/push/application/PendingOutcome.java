package fr.rdz.crmpush.push.application;

import fr.rdz.events.DeliveryOutcome;
import java.util.UUID;

/** An outcome written to the ledger before it is published: its event id is fixed so that every retry publishes the same event. */
public record PendingOutcome(UUID eventId, DeliveryOutcome outcome) {}
