package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which delivery channel reports a {@link DeliveryOutcome}. */
public enum OutcomeChannel {
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("api")
    API
}
