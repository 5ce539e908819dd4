package fr.rdz.routing.catalog.domain;

import fr.rdz.events.Entity;
import java.util.Optional;

/**
 * A catalog item only links to an item of its own entity (ZR7 or MDL): a commande's client, a
 * form's LP and an LP's form must all be of the commande's, form's or LP's entity. Written once
 * here, used by commandes, LPs and forms alike.
 */
public final class SameEntity {

    private SameEntity() {}

    /**
     * Why {@code linked} (e.g. "form F-PV-001", "client 42") cannot be linked to an item of
     * {@code owner}, or empty when both are of the same entity.
     */
    public static Optional<String> breach(String linked, Entity linkedEntity, Entity owner) {
        return linkedEntity == owner
                ? Optional.empty()
                : Optional.of(linked + " belongs to entity " + linkedEntity + ", not " + owner);
    }
}
