package fr.rdz.events;

import java.time.Instant;

/**
 * A person asked for erasure: every service blanks the personal fields of every lead with this
 * phone and keeps only anonymous counts. Keyed by the phone so it follows the lead events.
 */
public record PersonErased(String phone, Instant erasedAt) implements RoutingEvent {

    @Override
    public String key() {
        return phone;
    }

    @Override
    public Entity entity() {
        return null;
    }

    @Override
    public String toString() {
        return "PersonErased[phone=" + Pii.maskPhone(phone) + ", erasedAt=" + erasedAt + "]";
    }
}
