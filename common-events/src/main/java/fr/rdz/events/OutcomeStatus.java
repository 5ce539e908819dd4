package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The result of sending a batch by e-mail or pushing a lead into a CRM (spec §6). */
public enum OutcomeStatus {
    /** E-mail accepted by the SMTP server. */
    @JsonProperty("sent")
    SENT,
    /** CRM answered 201. */
    @JsonProperty("success")
    SUCCESS,
    /** CRM answered 200 with "doublon": final. */
    @JsonProperty("duplicate")
    DUPLICATE,
    /** CRM answered 400: final. */
    @JsonProperty("validation_error")
    VALIDATION_ERROR,
    /** CRM answered 403: final. */
    @JsonProperty("auth_error")
    AUTH_ERROR,
    /** A failed attempt that will be retried. */
    @JsonProperty("retrying")
    RETRYING,
    /** Every attempt failed: the record is in the dead-letter topic, replayable. */
    @JsonProperty("dead_lettered")
    DEAD_LETTERED,
    /** Any other final failure. */
    @JsonProperty("failed")
    FAILED
}
