package fr.rdz.routing.consent.application;

import fr.rdz.events.LeadData;
import reactor.core.publisher.Mono;

/** The port to routing's record of a lead, as far as its proof of consent needs it. */
public interface ConsentedLeads {

    /** A recorded lead: what intake stored of it, and whether its personal data was erased since. */
    record ConsentedLead(LeadData lead, boolean erased) {}

    /** The lead of {@code leadId} (one read by key); empty when unknown. */
    Mono<ConsentedLead> lead(String leadId);
}
