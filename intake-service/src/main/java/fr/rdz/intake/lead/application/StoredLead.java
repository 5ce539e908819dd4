package fr.rdz.intake.lead.application;

import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import java.util.List;

/**
 * A lead as intake stored it, made by {@link ReceivedLeads#newLead}: the store's own record, read through this view
 * (no copy between the use cases and the store on the submit path).
 */
public interface StoredLead {

    String id();

    LeadStatus status();

    /** The normalised phone (null when invalid or erased). */
    String phone();

    /** The {@code LeadReceived} to publish. */
    LeadReceived received();

    LeadOutbox outbox();

    /** What was accepted but is not right ({@code EMAIL_INVALID}); null when nothing. */
    List<String> warnings();
}
