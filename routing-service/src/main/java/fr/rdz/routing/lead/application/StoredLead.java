package fr.rdz.routing.lead.application;

import fr.rdz.events.LeadData;
import fr.rdz.routing.lead.domain.Exclusion;
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

    /** Why routing decided as it did (null when nothing to say). */
    String reason();

    /** The fields intake found missing (null when none). */
    List<String> missingFields();

    /** The lead this one repeats, for a double submission. */
    String originalLeadId();

    /** The commandes the routing decision found eligible (null when none). */
    List<String> eligibleCommandeIds();

    /** The matching commandes left out when it was routed (30-day duplicate, rejection); null when none. */
    List<Exclusion> exclusions();

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

    /**
     * One step of the lead's history: its type, the event that caused it, when, and what it names (intake's status,
     * the routing state and eligible commandes, the client, commande, batch and run, the channel, the kind of
     * delivery, the reason and the author).
     */
    interface Step {

        String eventId();

        String type();

        Instant at();

        String status();

        String state();

        List<String> commandeIds();

        String clientId();

        String commandeId();

        String batchId();

        String runId();

        String channel();

        String kind();

        Boolean crossEntity();

        String reason();

        String by();
    }
}
