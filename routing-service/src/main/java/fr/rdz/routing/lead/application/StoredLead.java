package fr.rdz.routing.lead.application;

import fr.rdz.events.LeadData;
import java.time.Instant;
import java.util.List;

/**
 * Routing's record of one lead as the application reads it (implemented by the stored record itself, so reading
 * it copies nothing): the lead as received, its deliveries, the clients that rejected it, whether it was erased
 * and its history.
 */
public interface StoredLead {

    String id();

    LeadData lead();

    /** Its current status in one word ({@code fresh}, {@code no_order}, … {@code delivered}, {@code rejected}). */
    String status();

    /** The status intake gave it. */
    String intakeStatus();

    /** The routing decision's state. */
    String routingState();

    String qualityTier();

    /** Its deliveries in the order routing recorded them (null when none was recorded). */
    List<? extends Delivery> deliveries();

    /** The clients that rejected it (null when none). */
    List<String> rejectedClientIds();

    boolean erased();

    /** Its history, one step per event (null when none). */
    List<? extends Step> history();

    /** A delivery of the lead to one client, as routing recorded it from {@code LeadDelivered}. */
    interface Delivery {

        String clientId();

        String commandeId();

        String batchId();

        String runId();

        Instant deliveredAt();

        String kind();

        boolean crossEntity();
    }

    /** One step of the lead's history: its type, the event that caused it, when, and the client, commande, reason and author it names. */
    interface Step {

        String eventId();

        String type();

        Instant at();

        String clientId();

        String commandeId();

        String reason();

        String by();
    }
}
