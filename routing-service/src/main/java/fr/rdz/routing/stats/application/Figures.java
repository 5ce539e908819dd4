package fr.rdz.routing.stats.application;

import fr.rdz.routing.stats.domain.Figure;
import reactor.core.publisher.Mono;

/** The port to the dashboard's figures: each business event counted once, under its own id. */
public interface Figures {

    /** Records {@code figure} once under its id and adds it to the dashboard's read models; recording it again adds nothing. */
    Mono<Void> record(Figure figure);
}
