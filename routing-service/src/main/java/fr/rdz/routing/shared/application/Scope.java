package fr.rdz.routing.shared.application;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.Optional;

/**
 * Entity scoping of admin requests: an operator scoped to one entity never sees the other's data
 * (lists are filtered, details answer 404) and cannot write into it (403).
 */
public final class Scope {

    private Scope() {}

    /** What a list may show: {@code none} when the operator asked for an entity they cannot see. */
    public record EntityFilter(boolean none, Entity entity) {

        public Optional<Entity> only() {
            return Optional.ofNullable(entity);
        }
    }

    public static EntityFilter filter(Operator operator, Entity requested) {
        if (operator.entityScope() == null) {
            return new EntityFilter(false, requested);
        }
        if (requested != null && requested != operator.entityScope()) {
            return new EntityFilter(true, null);
        }
        return new EntityFilter(false, operator.entityScope());
    }

    /** Whether the operator may see an item of this entity (items without entity — orphan leads — only unscoped). */
    public static boolean visible(Operator operator, Entity entity) {
        return operator.entityScope() == null || operator.entityScope() == entity;
    }

    public static void requireWrite(Operator operator, Entity entity) {
        if (operator.role() != RdzSecurityProperties.Role.ADMIN) {
            throw RequestRejected.forbidden("admin role required");
        }
        if (entity != null && !visible(operator, entity)) {
            throw RequestRejected.forbidden("operator " + operator.name() + " is limited to entity "
                    + operator.entityScope() + " and cannot write to " + entity);
        }
    }

    public static void requireUnscopedAdmin(Operator operator) {
        if (operator.role() != RdzSecurityProperties.Role.ADMIN || operator.entityScope() != null) {
            throw RequestRejected.forbidden("only an admin without entity scope may do this");
        }
    }
}
