package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The batches whose e-mail reached the dead-letter topic ({@code failed_mails}, one per batch id), kept
 * with their {@code DeliveryPlanned} until they are sent so an operator can list and replay them.
 */
public interface FailedMails {

    String OPEN = "open";
    String REPLAYED = "replayed";
    String SENT = "sent";
    /** The person's data was erased (erasure or retention limit) before it was sent: it can no longer be replayed. */
    String ERASED = "erased";

    /** The batch was dead-lettered: recorded (or re-opened) with the batch to replay. */
    void deadLettered(DeliveryPlanned batch, String reason, int attempts, Instant at);

    /** The batch's e-mail was sent (by a replay or a copy of its record): status sent, its leads forgotten. */
    void sent(String batchId, Instant at);

    /** A replay by an operator ended with {@code result} (the batch stays to send unless it was sent). */
    Mono<Void> replayed(String batchId, String operator, String result, Instant at);

    Flux<FailedMail> list(Filter filter);

    /** The failed e-mails still holding their batch with this phone (its hash). */
    Flux<String> withPhone(String phoneHash);

    /** A page of failed e-mails still holding a batch with a lead received before {@code limit}. */
    Flux<String> receivedBefore(Instant limit, int pageSize);

    /** Drops the batch (whole leads) of a failed e-mail: status erased unless sent; true when this call erased it. */
    Mono<Boolean> erase(String batchId, Instant at);

    Mono<FailedMail> find(String batchId);

    /** Optional criteria (null = any); run dates inclusive. */
    record Filter(String clientId, Entity entity, String status, LocalDate from, LocalDate to) {}

    /** A failed e-mail as listed; {@code batch} (whole leads) only while it is still to send. */
    record FailedMail(
            String batchId,
            String runId,
            LocalDate runDate,
            Entity entity,
            String product,
            String clientId,
            String clientName,
            int leadCount,
            String reason,
            int attempts,
            Instant deadLetteredAt,
            String status,
            Instant replayedAt,
            String replayedBy,
            int replayCount,
            String lastReplayResult,
            Instant sentAt,
            DeliveryPlanned batch) {

        public boolean stillToSend() {
            return OPEN.equals(status) || REPLAYED.equals(status);
        }

        public List<String> leadIds() {
            return batch == null
                    ? List.of()
                    : batch.leads().stream().map(l -> l.lead().leadId()).toList();
        }
    }
}
