package fr.rdz.kit.kafka;

import fr.rdz.events.PersonErased;
import reactor.core.publisher.Mono;

/**
 * What a service erases when a person asks to be forgotten ({@code rdz.person.erased.v1}). Declared as a bean, it
 * gets the kit's {@link PersonErasedListener}; erasing twice must change nothing.
 */
@FunctionalInterface
public interface PersonErasure {

    /** Erases the person's data held by the service; emits what was erased (for the log) or nothing. */
    Mono<?> erase(PersonErased event);
}
