package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a client receives its batches. */
public enum DeliveryChannel {
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("api")
    API,
    @JsonProperty("both")
    BOTH;

    public boolean byEmail() {
        return this == EMAIL || this == BOTH;
    }

    public boolean byApi() {
        return this == API || this == BOTH;
    }
}
