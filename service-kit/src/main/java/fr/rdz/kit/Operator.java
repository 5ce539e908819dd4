package fr.rdz.kit;

import fr.rdz.events.Entity;
import java.util.Optional;

/** The authenticated operator of an admin request: name, role and, when scoped, the only entity they may see. */
public record Operator(String name, RdzSecurityProperties.Role role, Entity entityScope) {

    /** Whether this operator may see data of {@code entity}. */
    public boolean canSee(Entity entity) {
        return entityScope == null || entityScope == entity;
    }

    public Optional<Entity> scope() {
        return Optional.ofNullable(entityScope);
    }
}
