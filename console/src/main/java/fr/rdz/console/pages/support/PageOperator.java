package fr.rdz.console.pages.support;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is looking at a page: name, whether they may write ({@code admin}), the only entity they see
 * when scoped, and the entity chosen in the navigation ({@code null} = both). Pages use it to hide
 * admin actions, to offer only the entities in scope and to filter lists; the services enforce the
 * same rules on every call.
 */
public record PageOperator(String name, boolean admin, String entityScope, String chosenEntity) {

    private static final List<String> ENTITIES = List.of("ZR7", "MDL");

    /** Refuses a write to a viewer: 403 « Réservé aux administrateurs. » (the page of the error says it). */
    public void requireAdmin() {
        if (!admin) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Réservé aux administrateurs.");
        }
    }

    /** The entities this operator may choose in a form or a filter. */
    public List<String> entities() {
        return entityScope == null ? ENTITIES : List.of(entityScope);
    }

    /** Whether an item of {@code entity} may be shown (an item without entity only to unscoped operators). */
    public boolean canSee(Object entity) {
        return entityScope == null || (entity != null && entityScope.equals(entity.toString()));
    }

    /** The entity a list shows: the one asked in the page, else the navigation's, else the scope. */
    public String listEntity(String asked) {
        if (entityScope != null) {
            return entityScope;
        }
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return chosenEntity;
    }

    /** The entity a new item gets by default. */
    public String defaultEntity() {
        return entityScope != null ? entityScope : chosenEntity != null ? chosenEntity : ENTITIES.get(0);
    }
}
