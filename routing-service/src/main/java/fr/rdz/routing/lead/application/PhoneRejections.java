package fr.rdz.routing.lead.application;

import fr.rdz.events.Product;
import reactor.core.publisher.Mono;

/** The port to the rejections routing knows per phone and product (the clients it no longer names for them). */
public interface PhoneRejections {

    /** Records that {@code clientId} rejected the lead {@code leadId} of this phone and product (once). */
    Mono<Void> rejected(String phone, Product product, String leadId, String clientId);
}
