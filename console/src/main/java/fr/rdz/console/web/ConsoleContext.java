package fr.rdz.console.web;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties;
import java.util.List;

/**
 * What every page knows of the request: the operator, whether they may write, and the entity the
 * pages show ({@code null} = both, for an unscoped operator). A scoped operator is always on their
 * own entity and is offered no switch.
 */
public record ConsoleContext(Operator operator, Entity entity) {

    public boolean canWrite() {
        return operator.role() == RdzSecurityProperties.Role.ADMIN;
    }

    public boolean scoped() {
        return operator.entityScope() != null;
    }

    /** The entities the switch offers (none for a scoped operator). */
    public List<Entity> switchable() {
        return scoped() ? List.of() : List.of(Entity.values());
    }

    /** The {@code entity} query value for the services ("" = both). */
    public String entityParam() {
        return entity == null ? "" : entity.name();
    }

    public String roleLabel() {
        return canWrite() ? "administrateur" : "lecture seule";
    }
}
