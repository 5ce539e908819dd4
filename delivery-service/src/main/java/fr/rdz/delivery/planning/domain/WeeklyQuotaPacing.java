package fr.rdz.delivery.planning.domain;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Spreads a commande's weekly quota over the remaining delivery days of the ISO week (spec §5.3):
 * {@code target = ceil((weekly_quota − delivered_this_week) / remaining_delivery_days_including_today)},
 * never below 0 (a commande whose quota is reached gets nothing more that week). Delivered this week
 * counts the ledger lines of the commande with a run date from the Monday up to the day before. The
 * remaining days stop at the commande's {@code ends_on}.
 */
public final class WeeklyQuotaPacing {

    private final LocalDate date;
    private final Map<String, Integer> deliveredThisWeek = new HashMap<>();

    public WeeklyQuotaPacing(LocalDate date, Collection<Delivery> ledger) {
        this.date = date;
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        for (Delivery d : ledger) {
            if (d.commandeId() != null
                    && d.runDate() != null
                    && !d.runDate().isBefore(monday)
                    && d.runDate().isBefore(date)) {
                deliveredThisWeek.merge(d.commandeId(), 1, Integer::sum);
            }
        }
    }

    public int deliveredThisWeek(String commandeId) {
        return deliveredThisWeek.getOrDefault(commandeId, 0);
    }

    public int target(CommandeSnapshot commande) {
        int remainingQuota = commande.weeklyQuota() - deliveredThisWeek(commande.id());
        int remainingDays = remainingDeliveryDays(commande);
        if (remainingQuota <= 0 || remainingDays == 0) {
            return 0;
        }
        return (remainingQuota + remainingDays - 1) / remainingDays;
    }

    int remainingDeliveryDays(CommandeSnapshot commande) {
        LocalDate sunday = date.with(DayOfWeek.SUNDAY);
        int days = 0;
        for (LocalDate d = date; !d.isAfter(sunday); d = d.plusDays(1)) {
            if (commande.endsOn() != null && d.isAfter(commande.endsOn())) {
                break;
            }
            if (commande.deliveryDays() != null && commande.deliveryDays().contains(DeliveryDay.of(d.getDayOfWeek()))) {
                days++;
            }
        }
        return days;
    }
}
