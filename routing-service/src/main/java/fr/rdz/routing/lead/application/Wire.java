package fr.rdz.routing.lead.application;

import fr.rdz.events.EventCodec;

/** The wire (JSON) name of a contract enum: {@code INVALID_PHONE} → {@code invalid_phone}. */
public final class Wire {

    private Wire() {}

    public static String of(Enum<?> value) {
        return value == null ? null : EventCodec.mapper().convertValue(value, String.class);
    }
}
