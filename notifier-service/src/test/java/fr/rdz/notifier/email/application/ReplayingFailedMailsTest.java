package fr.rdz.notifier.email.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.domain.BatchMail;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The replay of failed e-mails decides with the once-per-batch rule: sent once, never twice, never over a live attempt. */
class ReplayingFailedMailsTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Operator ADMIN = new Operator("admin", RdzSecurityProperties.Role.ADMIN, null);
    static final Operator MDL_ADMIN = new Operator("mdl", RdzSecurityProperties.Role.ADMIN, Entity.MDL);

    final SendingBatchEmailTest.InMemorySentMails sentMails = new SendingBatchEmailTest.InMemorySentMails();
    final InMemoryFailedMails failedMails = new InMemoryFailedMails();
    final List<BatchMail> sent = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final SendingBatchEmail sending = new SendingBatchEmail(
            new RecordingFailedMails(sentMails, failedMails),
            (entity, summary) -> new MailRenderer.RenderedMail("s", "t", "<p>h</p>"),
            sent::add,
            (id, outcome) -> {},
            clock,
            Duration.ofMinutes(10),
            new LinkingConsentProof(
                    new ConsentProofLink("test-proof-link-secret-0123456789abcdef"),
                    "https://preuves.rdz.example",
                    Duration.ofDays(90),
                    clock),
            WithdrawalNotices.NONE);
    final ReplayingFailedMails replaying = new ReplayingFailedMails(failedMails, sentMails, sending, clock);

    @Test
    void aDeadLetteredBatchIsSentOnceThenAnsweredAlreadySent() {
        DeliveryPlanned batch = deadLettered("b-1", Entity.ZR7);

        assertThat(results(List.of("b-1"))).containsExactly("sent");
        assertThat(results(List.of("b-1"))).containsExactly("already_sent");
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.batchId()).isEqualTo(batch.batchId()));
        assertThat(failedMails.records.get("b-1").status()).isEqualTo(FailedMails.SENT);
    }

    @Test
    void aBatchHeldByALiveAttemptIsLeftToIt() {
        DeliveryPlanned batch = deadLettered("b-2", Entity.ZR7);
        sentMails.put(
                new SentMail(batch.batchId(), SentMailState.SENDING, 3, NOW.plusSeconds(60), null, null, false, true));

        assertThat(results(List.of("b-2"))).containsExactly("in_progress");
        assertThat(sent).isEmpty();
    }

    @Test
    void anOperatorOfAnotherEntityFindsNothingAndAllReplaysOnlyWhatIsStillToSend() {
        deadLettered("b-3", Entity.ZR7);
        deadLettered("b-4", Entity.MDL);

        assertThat(replaying
                        .replay(new ReplayingFailedMails.Selection(List.of("b-3"), null, false), MDL_ADMIN)
                        .block())
                .extracting(ReplayingFailedMails.Result::result)
                .containsExactly("not_found");
        assertThat(replaying
                        .replay(new ReplayingFailedMails.Selection(List.of(), null, true), ADMIN)
                        .block())
                .extracting(ReplayingFailedMails.Result::batchId)
                .containsExactlyInAnyOrder("b-3", "b-4");
        assertThat(replaying
                        .replay(new ReplayingFailedMails.Selection(List.of(), null, true), ADMIN)
                        .block())
                .isEmpty();
        assertThat(sent).hasSize(2);
    }

    private List<String> results(List<String> ids) {
        return replaying.replay(new ReplayingFailedMails.Selection(ids, null, false), ADMIN).block().stream()
                .map(ReplayingFailedMails.Result::result)
                .toList();
    }

    private DeliveryPlanned deadLettered(String id, Entity entity) {
        DeliveryPlanned batch = Batches.batch(
                id,
                entity,
                Batches.client("c-" + id, "Client " + id, DeliveryChannel.EMAIL, id + "@example.fr"),
                Batches.threeLeads(entity));
        sentMails.put(new SentMail(id, SentMailState.FAILED, 5, null, null, UUID.randomUUID(), true, true));
        failedMails.deadLettered(batch, "SMTP down", 5, NOW);
        return batch;
    }

    /** The failed_mails collection in memory. */
    static final class InMemoryFailedMails implements FailedMails {

        final Map<String, FailedMail> records = new LinkedHashMap<>();

        @Override
        public void deadLettered(DeliveryPlanned batch, String reason, int attempts, Instant at) {
            records.put(
                    batch.batchId(),
                    new FailedMail(
                            batch.batchId(),
                            batch.runId(),
                            batch.runDate(),
                            batch.entity(),
                            batch.product().name(),
                            batch.client().id(),
                            batch.client().name(),
                            batch.leads().size(),
                            reason,
                            attempts,
                            at,
                            OPEN,
                            null,
                            null,
                            0,
                            null,
                            null,
                            batch));
        }

        @Override
        public void sent(String batchId, Instant at) {
            FailedMail f = records.get(batchId);
            if (f != null) {
                records.put(batchId, with(f, SENT, null));
            }
        }

        @Override
        public Mono<Void> replayed(String batchId, String operator, String result, Instant at) {
            FailedMail f = records.get(batchId);
            if (f != null && OPEN.equals(f.status())) {
                records.put(batchId, with(f, REPLAYED, f.batch()));
            }
            return Mono.empty();
        }

        @Override
        public Flux<FailedMail> list(Filter filter) {
            return Flux.fromIterable(List.copyOf(records.values()))
                    .filter(f -> filter.clientId() == null || filter.clientId().equals(f.clientId()));
        }

        @Override
        public Mono<FailedMail> find(String batchId) {
            return Mono.justOrEmpty(records.get(batchId));
        }

        @Override
        public Flux<String> withPhone(String phoneHash) {
            return Flux.empty();
        }

        @Override
        public Flux<String> receivedBefore(Instant limit, int pageSize) {
            return Flux.empty();
        }

        @Override
        public Mono<Boolean> erase(String batchId, Instant at) {
            return Mono.just(false);
        }

        private static FailedMail with(FailedMail f, String status, DeliveryPlanned batch) {
            return new FailedMail(
                    f.batchId(),
                    f.runId(),
                    f.runDate(),
                    f.entity(),
                    f.product(),
                    f.clientId(),
                    f.clientName(),
                    f.leadCount(),
                    f.reason(),
                    f.attempts(),
                    f.deadLetteredAt(),
                    status,
                    f.replayedAt(),
                    f.replayedBy(),
                    f.replayCount(),
                    f.lastReplayResult(),
                    f.sentAt(),
                    batch);
        }
    }
}
