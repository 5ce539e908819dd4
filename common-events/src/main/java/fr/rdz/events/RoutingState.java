package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The routing decision carried by {@link LeadRouted} (spec §4). */
public enum RoutingState {
    @JsonProperty("fresh")
    FRESH,
    @JsonProperty("no_order")
    NO_ORDER,
    @JsonProperty("invalid")
    INVALID,
    @JsonProperty("orphan")
    ORPHAN,
    @JsonProperty("double_submit")
    DOUBLE_SUBMIT,
    /** The person refused to be called ({@code rgpd_consent: false}): stored and counted, never delivered (spec §11). */
    @JsonProperty("no_consent")
    NO_CONSENT
}
