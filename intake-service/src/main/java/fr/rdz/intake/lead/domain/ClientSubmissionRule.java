package fr.rdz.intake.lead.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Retries of one form submission are one lead (spec §12): the tracking script generates a
 * {@code submission_id} once per submission and sends it again on each retry (after a timeout, a
 * 503). The lead id is derived from that id and the phone, so a retry finds the original by its
 * {@code _id} — a unique-key lookup — instead of creating a second lead. The phone is part of the key
 * so that a page sending one fixed id for everyone still stores every person's lead. Without a
 * submission id the lead id is random, as before.
 */
public final class ClientSubmissionRule {

    private ClientSubmissionRule() {}

    /** The lead id of this submission. */
    public static String leadId(String submissionId, String phone) {
        if (submissionId == null || submissionId.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String key = "rdz-submission|" + submissionId.strip() + "|" + (phone == null ? "" : phone);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static boolean isGiven(String submissionId) {
        return submissionId != null && !submissionId.isBlank();
    }
}
