package fr.rdz.events;

import java.time.DayOfWeek;

/** A commande's delivery day as written on the wire and in the admin API ({@code MON}…{@code SUN}). */
public enum DeliveryDay {
    MON(DayOfWeek.MONDAY),
    TUE(DayOfWeek.TUESDAY),
    WED(DayOfWeek.WEDNESDAY),
    THU(DayOfWeek.THURSDAY),
    FRI(DayOfWeek.FRIDAY),
    SAT(DayOfWeek.SATURDAY),
    SUN(DayOfWeek.SUNDAY);

    private final DayOfWeek dayOfWeek;

    DeliveryDay(DayOfWeek dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }

    public DayOfWeek dayOfWeek() {
        return dayOfWeek;
    }

    public static DeliveryDay of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
