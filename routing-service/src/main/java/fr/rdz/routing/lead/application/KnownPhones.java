package fr.rdz.routing.lead.application;

import fr.rdz.events.Product;
import reactor.core.publisher.Mono;

/** The port to what routing knows per phone and product (deliveries and rejections), keyed by both. */
public interface KnownPhones {

    /** What routing knows about this phone and product (one read by key; no delivery nor rejection when
     * it knows nothing). */
    Mono<? extends KnownPhone> of(String phone, Product product);
}
