package fr.rdz.notifier.email.application;

import fr.rdz.notifier.email.domain.BatchMail;

/** Sends a batch e-mail with the SMTP account of its entity; returns when the server accepted it, throws otherwise. */
public interface BatchMailer {

    void send(BatchMail mail);
}
