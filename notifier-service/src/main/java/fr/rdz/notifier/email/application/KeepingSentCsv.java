package fr.rdz.notifier.email.application;

import fr.rdz.notifier.email.domain.BatchMail;
import java.time.Clock;

/**
 * Keeps the CSV of every batch e-mail, exactly the bytes and file name handed to the SMTP account,
 * before handing it over: what an operator downloads later ({@code GET /admin/batches/{id}/csv}) is
 * the attachment the client received. If it cannot be kept, the attempt fails (and is retried) rather
 * than sending a CSV nobody could show again.
 */
public class KeepingSentCsv implements BatchMailer {

    private final BatchMailer mailer;
    private final SentCsvs csvs;
    private final Clock clock;

    public KeepingSentCsv(BatchMailer mailer, SentCsvs csvs, Clock clock) {
        this.mailer = mailer;
        this.csvs = csvs;
        this.clock = clock;
    }

    @Override
    public void send(BatchMail mail) {
        csvs.keep(mail, clock.instant());
        mailer.send(mail);
    }
}
