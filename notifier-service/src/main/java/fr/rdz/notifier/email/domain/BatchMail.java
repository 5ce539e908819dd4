package fr.rdz.notifier.email.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Pii;
import java.util.List;

/**
 * The e-mail of one batch, ready to hand to the entity's SMTP account: recipients, rendered
 * subject and bodies (text and HTML), the CSV attachment, and a {@code Message-ID} fixed by the
 * batch id so that a resend after a lost attempt is recognisable as the same message.
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
        String messageId) {

    @Override
    public String toString() {
        return "BatchMail[batchId=" + batchId + ", entity=" + entity + ", to="
                + to.stream().map(Pii::maskEmail).toList() + ", subject=" + subject + ", attachment="
                + attachmentName + " (" + attachment.length + " bytes)]";
    }
}
