package fr.rdz.delivery.planning.domain;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.rules.CommandeInForce;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which commandes a run serves, in which order (spec §5.2): commandes of the entity, active, not
 * deleted, within their validity period ({@code starts_on} ≤ D ≤ {@code ends_on}, open-ended when
 * null), whose delivery days include D's weekday, and whose client is known, of the entity, active and
 * not deleted; by {@code priority} (lower first), then creation time, then id.
 */
public final class CommandeSelection {

    static final Comparator<CommandeSnapshot> SERVICE_ORDER =
            CommandeInForce.serviceOrder(CommandeSnapshot::priority, CommandeSnapshot::createdAt, CommandeSnapshot::id);

    private CommandeSelection() {}

    public static List<CommandeSnapshot> served(
            Collection<CommandeSnapshot> commandes, Collection<ClientSnapshot> clients, Entity entity, LocalDate date) {
        Map<String, ClientSnapshot> byId =
                clients.stream().collect(Collectors.toMap(ClientSnapshot::id, Function.identity(), (a, b) -> b));
        DeliveryDay today = DeliveryDay.of(date.getDayOfWeek());
        return commandes.stream()
                .filter(c -> c.entity() == entity)
                .filter(c -> CommandeInForce.on(date, c.active() && !c.deleted(), c.startsOn(), c.endsOn()))
                .filter(c -> c.deliveryDays() != null && c.deliveryDays().contains(today))
                .filter(c -> c.product() != null && c.weeklyQuota() > 0)
                .filter(c -> {
                    ClientSnapshot client = byId.get(c.clientId());
                    return client != null && client.active() && !client.deleted() && client.entity() == entity;
                })
                .sorted(SERVICE_ORDER)
                .toList();
    }
}
