package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status intake gives a lead on reception (spec §3). Every status is stored; only {@code pending} is distributable. */
public enum LeadStatus {
    /** Valid, waiting for routing and the next daily run. */
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("invalid_phone")
    INVALID_PHONE,
    @JsonProperty("missing_required")
    MISSING_REQUIRED,
    /** Same session and phone within 5 s: kept for audit, never routed. */
    @JsonProperty("double_submit")
    DOUBLE_SUBMIT,
    /** Unknown form: stored and published, never delivered. */
    @JsonProperty("orphan")
    ORPHAN
}
