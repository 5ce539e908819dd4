package fr.rdz.notifier.email.mail;

import fr.rdz.notifier.email.application.BatchMailer;
import fr.rdz.notifier.email.application.PermanentMailFailure;
import fr.rdz.notifier.email.domain.BatchMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a batch e-mail through its entity's SMTP account: {@code From} the entity's address, to
 * every client address, text and HTML alternatives, the CSV attached as
 * {@code text/csv; charset=UTF-8} in base64 (then the proof-of-consent CSV the same way), {@code Message-ID} and {@code X-RDZ-Batch-Id} fixed by the batch.
 * A message that cannot even be built (an address that is not one) is a {@link PermanentMailFailure};
 * every SMTP failure (connection, 4xx, 5xx) is thrown as is and retried.
 */
@Component
class SmtpBatchMailer implements BatchMailer {

    static final String BATCH_HEADER = "X-RDZ-Batch-Id";

    private final EntityMailSenders senders;

    SmtpBatchMailer(EntityMailSenders senders) {
        this.senders = senders;
    }

    @Override
    public void send(BatchMail mail) {
        JavaMailSenderImpl sender = senders.sender(mail.entity());
        MimeMessage message = build(sender.getSession(), mail);
        sender.send(message);
    }

    private MimeMessage build(Session session, BatchMail mail) {
        MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
            helper.setFrom(senders.from(mail.entity()));
            helper.setTo(mail.to().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.textBody(), mail.htmlBody());
            helper.addAttachment(
                    mail.attachmentName(), new ByteArrayResource(mail.attachment()), "text/csv; charset=UTF-8");
            // base64, never quoted-printable: no relay may touch the CRLFs or the BOM of the file
            MimeMultipart root = helper.getRootMimeMultipart();
            root.getBodyPart(root.getCount() - 1).setHeader("Content-Transfer-Encoding", "base64");
            if (mail.proofAttachment() != null) {
                // the second attachment: one proof-of-consent row per lead (spec §11)
                helper.addAttachment(
                        mail.proofAttachmentName(),
                        new ByteArrayResource(mail.proofAttachment()),
                        "text/csv; charset=UTF-8");
                root.getBodyPart(root.getCount() - 1).setHeader("Content-Transfer-Encoding", "base64");
            }
            message.setHeader(BATCH_HEADER, mail.batchId());
            return message;
        } catch (MessagingException e) {
            throw new PermanentMailFailure("cannot build the e-mail of batch " + mail.batchId(), e);
        }
    }

    /** A message whose {@code Message-ID} is the batch's, not a random one. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
