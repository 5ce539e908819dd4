package fr.rdz.intake.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import java.util.concurrent.CompletableFuture;

/** The port the relay publishes {@code LeadReceived} through. */
public interface LeadReceivedEvents {

    /** Completes when the broker has acknowledged the event; may throw at once if it cannot even be queued. */
    CompletableFuture<?> publish(Envelope<LeadReceived> envelope);
}
