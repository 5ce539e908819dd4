package fr.rdz.notifier.email.application;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.domain.MailSummary;

/** Renders the entity's French templates (subject, text body, HTML body) for one batch. */
public interface MailRenderer {

    RenderedMail render(Entity entity, MailSummary summary);

    record RenderedMail(String subject, String textBody, String htmlBody) {}
}
