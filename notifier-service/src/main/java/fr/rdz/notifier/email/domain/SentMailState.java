package fr.rdz.notifier.email.domain;

/** Where the one e-mail of a batch stands. */
public enum SentMailState {
    /** An attempt holds the batch (until its lease ends) and is talking to the SMTP server. */
    SENDING,
    /** The SMTP server accepted the message: never sent again. */
    SENT,
    /** The last attempt failed; the next retry (or a replay of the dead letter) may send. */
    FAILED
}
