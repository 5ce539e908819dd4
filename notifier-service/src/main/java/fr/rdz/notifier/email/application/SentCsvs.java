package fr.rdz.notifier.email.application;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.domain.BatchMail;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The CSV attachments of the batch e-mails, kept byte for byte as handed to SMTP ({@code sent_csvs}). */
public interface SentCsvs {

    /** Keeps the attachment of a batch's e-mail (replaces the previous attempt's: the same batch gives the same CSV). */
    void keep(BatchMail mail, Instant at);

    /** The kept CSV of a batch with the state of its e-mail; empty when none was composed. */
    Mono<SentCsv> find(String batchId);

    /** A kept attachment: file name and bytes as e-mailed, the batch's entity, and where its e-mail stands. */
    record SentCsv(String batchId, Entity entity, String fileName, byte[] content, Instant keptAt, String mailState) {}
}
