package fr.rdz.routing.catalog.application;

import reactor.core.publisher.Mono;

/** The port to the catalog's code counters: one number per code prefix ({@code LP}, {@code PV}…). */
public interface CodeNumbers {

    /** The next number of {@code prefix}, never handed to another caller. */
    Mono<Long> next(String prefix);

    /** Raises the counter of {@code prefix} to at least {@code number} (a code given by hand). */
    Mono<Void> raiseTo(String prefix, long number);
}
