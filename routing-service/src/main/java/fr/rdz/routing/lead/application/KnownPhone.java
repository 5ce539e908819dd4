package fr.rdz.routing.lead.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What routing knows about one phone and product when it routes a new lead (implemented by the stored record
 * itself, so reading it copies nothing): the deliveries of the ledger, which the 30-day duplicate rule reads, and
 * the clients who rejected a lead of this person, to whom it is never resold.
 */
public interface KnownPhone {

    /** The deliveries of this phone and product (empty when none). */
    List<? extends Delivery> deliveriesOrEmpty();

    /** The clients who rejected a lead of this phone and product. */
    Set<String> rejectingClients();

    /** A delivery of a lead of this phone and product to one client. */
    interface Delivery {

        String clientId();

        Instant deliveredAt();
    }
}
