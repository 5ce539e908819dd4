package fr.rdz.notifier.email.application;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.domain.BatchMail;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The CSV attachments of the batch e-mails, kept byte for byte as handed to SMTP ({@code sent_csvs}). */
public interface SentCsvs {

    /** Keeps the attachment of a batch's e-mail (replaces the previous attempt's: the same batch gives the same CSV). */
    void keep(BatchMail mail, Instant at);

    /**
     * Notes whose personal data the batch's CSV holds (SHA-256 of each phone, {@code Pii.phoneHash}) and when its
     * oldest lead was received, so an erasure or the retention limit finds it. Written before the CSV itself.
     */
    void index(String batchId, List<String> phoneHashes, Instant firstReceivedAt);

    /** The kept CSV of a batch with the state of its e-mail; empty when none was composed. */
    Mono<SentCsv> find(String batchId);

    /** The CSVs holding this phone (its hash), not erased yet. */
    Flux<String> withPhone(String phoneHash);

    /** A page of CSVs with a lead received before {@code limit}, not erased yet. */
    Flux<String> receivedBefore(Instant limit, int pageSize);

    /** Removes a CSV's bytes (the record stays, {@code erased}); true when this call erased it. */
    Mono<Boolean> erase(String batchId, Instant at);

    /**
     * A kept attachment: file name and bytes as e-mailed ({@code content} null once erased), the batch's entity, and
     * where its e-mail stands.
     */
    record SentCsv(String batchId, Entity entity, String fileName, byte[] content, Instant keptAt, String mailState) {

        public boolean erased() {
            return content == null;
        }
    }
}
