package fr.rdz.routing.consent.application;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.domain.ConsentText;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The port to the catalog's consent texts, keyed by their version. A text is written once and never replaced. */
public interface ConsentTexts {

    /** Stores {@code text} and answers it as stored; empty when its version is already taken. */
    Mono<ConsentText> insertNew(ConsentText text);

    /** The texts, of {@code only} that entity when given, by version. */
    Flux<ConsentText> all(Optional<Entity> only);

    /** The text of {@code version} (one read by key); empty when unknown. */
    Mono<ConsentText> byVersion(String version);
}
