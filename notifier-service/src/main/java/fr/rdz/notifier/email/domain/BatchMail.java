package fr.rdz.notifier.email.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Pii;
import java.util.List;

/**
 * The e-mail of one batch, ready to hand to the entity's SMTP account: recipients, rendered
 * subject and bodies (text and HTML), the CSV attachment, and a {@code Message-ID} fixed by the
 * batch id so that a resend after a lost attempt is recognisable as the same message. The second
 * attachment, {@code proof_attachment}, holds one proof-of-consent row per lead (null: none).
 */
public record BatchMail(
        String batchId,
        Entity entity,
        List<String> to,
        String subject,
        String textBody,
        String htmlBody,
        String attachmentName,
        byte[] attachment,
        String messageId,
        String proofAttachmentName,
        byte[] proofAttachment) {

    /** A mail with the CSV only. */
    public BatchMail(
            String batchId,
            Entity entity,
            List<String> to,
            String subject,
            String textBody,
            String htmlBody,
            String attachmentName,
            byte[] attachment,
            String messageId) {
        this(batchId, entity, to, subject, textBody, htmlBody, attachmentName, attachment, messageId, null, null);
    }

    @Override
    public String toString() {
        return "BatchMail[batchId=" + batchId + ", entity=" + entity + ", to="
                + to.stream().map(Pii::maskEmail).toList() + ", subject=" + subject + ", attachment="
                + attachmentName + " (" + attachment.length + " bytes)"
                + (proofAttachment == null
                        ? ""
                        : ", " + proofAttachmentName + " (" + proofAttachment.length + " bytes)")
                + "]";
    }
}
