package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a delivered lead was taken from: the Fresh pool or the lead backlog (LB). */
public enum LeadKind {
    @JsonProperty("fresh")
    FRESH,
    @JsonProperty("lb")
    LB
}
