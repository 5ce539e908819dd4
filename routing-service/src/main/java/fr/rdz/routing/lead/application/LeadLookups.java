package fr.rdz.routing.lead.application;

import reactor.core.publisher.Mono;

/** The port to the lookups that find leads by phone, e-mail, form and LP (one entry per key). */
public interface LeadLookups {

    /** Adds the lead to the lookups of its phone, e-mail, form and LP (nothing for an erased lead). */
    Mono<Void> index(StoredLead lead);
}
