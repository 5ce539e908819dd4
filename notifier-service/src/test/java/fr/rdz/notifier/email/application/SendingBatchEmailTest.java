package fr.rdz.notifier.email.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.domain.BatchMail;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import fr.rdz.notifier.email.domain.WithdrawalNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exactly-once decisions of the use case, with in-memory ports and a fixed clock. */
class SendingBatchEmailTest {

    static final Instant NOW = Instant.parse("2026-11-20T08:31:00Z");
    static final DeliveryPlanned BATCH = Batches.batch(
            "b-1",
            Entity.ZR7,
            Batches.client("c-1", "Solaire Pro", DeliveryChannel.EMAIL, "a@example.fr", "b@example.fr"),
            Batches.threeLeads(Entity.ZR7));

    final InMemorySentMails sentMails = new InMemorySentMails();
    final List<BatchMail> sent = new ArrayList<>();
    final Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
    final List<UUID> outcomeOrder = new ArrayList<>();
    final InMemoryNotices notices = new InMemoryNotices();
    RuntimeException smtpFailure;

    final SendingBatchEmail sending = new SendingBatchEmail(
            sentMails,
            (entity, summary) ->
                    new MailRenderer.RenderedMail("[" + entity + "] " + summary.count(), "text", "<p>html</p>"),
            mail -> {
                if (smtpFailure != null) {
                    throw smtpFailure;
                }
                sent.add(mail);
            },
            (id, outcome) -> {
                outcomes.put(id, outcome);
                outcomeOrder.add(id);
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(10),
            new LinkingConsentProof(
                    new ConsentProofLink("test-proof-link-secret-0123456789abcdef"),
                    "https://preuves.rdz.example",
                    Duration.ofDays(90),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            notices);

    @Test
    void sendsOnceAndReportsSent() {
        sending.send(BATCH, true);
        sending.send(BATCH, true);

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("a@example.fr", "b@example.fr");
            assertThat(mail.attachmentName()).isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20.csv");
            assertThat(mail.messageId()).isEqualTo("<batch.b-1@notifier.rdz>");
        });
        assertThat(outcomes.values()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.SENT);
            assertThat(o.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aFailedAttemptIsRecordedReportedAsRetryingAndThrownForTheRetryTopics() {
        smtpFailure = new IllegalStateException("421 try later");

        assertThatThrownBy(() -> sending.send(BATCH, true)).isSameAs(smtpFailure);

        assertThat(sentMails.find("b-1").state()).isEqualTo(SentMailState.FAILED);
        assertThat(outcomes.values()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.RETRYING);
            assertThat(o.reason()).contains("421 try later");
        });

        smtpFailure = null;
        sending.send(BATCH, true);
        assertThat(sent).hasSize(1);
        assertThat(outcomes.get(outcomeOrder.get(1)).attempts()).isEqualTo(2);
    }

    @Test
    void waitsWhileAnotherAttemptHoldsTheBatch() {
        sentMails.put(new SentMail("b-1", SentMailState.SENDING, 1, NOW.plusSeconds(60), null, null, false, false));

        assertThatThrownBy(() -> sending.send(BATCH, true)).isInstanceOf(BatchInProgress.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void sendsAgainWithTheSameMessageIdWhenAnAttemptDiedWhileSending() {
        sentMails.put(new SentMail("b-1", SentMailState.SENDING, 1, NOW.minusSeconds(1), null, null, false, false));

        sending.send(BATCH, true);

        assertThat(sent).singleElement().extracting(BatchMail::messageId).isEqualTo("<batch.b-1@notifier.rdz>");
        assertThat(sentMails.find("b-1").attempts()).isEqualTo(2);
    }

    @Test
    void republishesAnUnacknowledgedOutcomeWithItsEventIdButNeverTheEmail() {
        UUID eventId = UUID.randomUUID();
        sentMails.put(new SentMail("b-1", SentMailState.SENT, 2, null, NOW, eventId, false, false));

        sending.send(BATCH, true);

        assertThat(sent).isEmpty();
        assertThat(outcomes).containsOnlyKeys(eventId);
        assertThat(outcomes.get(eventId).status()).isEqualTo(OutcomeStatus.SENT);
        assertThat(sentMails.find("b-1").outcomePublished()).isTrue();
    }

    @Test
    void aClientWithoutAddressIsAPermanentFailure() {
        DeliveryPlanned noAddress = Batches.batch(
                "b-2",
                Entity.MDL,
                Batches.client("c-2", "Nobody", DeliveryChannel.BOTH),
                Batches.threeLeads(Entity.MDL));

        assertThatThrownBy(() -> sending.send(noAddress, true)).isInstanceOf(PermanentMailFailure.class);
        assertThat(sentMails.find("b-2")).isNull();
    }

    @Test
    void aDeadLetterIsRecordedAndReportedOnce() {
        smtpFailure = new IllegalStateException("Connection refused");
        assertThatThrownBy(() -> sending.send(BATCH, false)).isSameAs(smtpFailure);
        assertThat(outcomes).isEmpty(); // the last attempt is reported by the dead-letter handler, not as retrying

        sending.deadLettered(BATCH, "MailSendException: Connection refused");

        assertThat(outcomes.values()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.DEAD_LETTERED);
            assertThat(o.reason()).isEqualTo("MailSendException: Connection refused");
            assertThat(o.attempts()).isEqualTo(1);
            assertThat(o.leadIds()).containsExactly("lead-1", "lead-2", "lead-3");
        });
        assertThat(sentMails.find("b-1").deadLettered()).isTrue();
    }

    @Test
    void ignoresApiOnlyClients() {
        DeliveryPlanned api = Batches.batch(
                "b-3",
                Entity.ZR7,
                Batches.client("c-3", "Api", DeliveryChannel.API, "x@example.fr"),
                Batches.threeLeads(Entity.ZR7));

        sending.send(api, true);

        assertThat(sent).isEmpty();
        assertThat(sentMails.find("b-3")).isNull();
    }

    /** The sent_mails collection in memory, with the same conditional claim. */
    @Test
    void theNextEmailTellsTheClientOfAWithdrawalOnceThenForgetsIt() {
        WithdrawalNotice notice = new WithdrawalNotice("lead-9", "0611223344", Instant.parse("2026-11-19T10:00:00Z"));
        notices.remember(BATCH.client().id(), notice);
        notices.remember(BATCH.client().id(), notice);
        notices.remember("another-client", notice);
        smtpFailure = new IllegalStateException("421 try later");
        assertThatThrownBy(() -> sending.send(BATCH, true)).isSameAs(smtpFailure);
        // a failed attempt forgets nothing
        assertThat(notices.pending(BATCH.client().id())).containsExactly(notice);

        smtpFailure = null;
        sending.send(BATCH, true);

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.textBody())
                    .contains("Retraits de consentement : ne plus démarcher ces contacts")
                    .contains("- 0611223344 (lead lead-9) : consentement retiré le 19/11/2026, ne plus l'appeler.");
            assertThat(mail.htmlBody())
                    .contains(
                            "<li>0611223344 (lead lead-9) : consentement retiré le 19/11/2026, ne plus l'appeler.</li>");
        });
        assertThat(notices.pending(BATCH.client().id())).isEmpty();
        assertThat(notices.pending("another-client")).containsExactly(notice);
    }

    static final class InMemoryNotices implements WithdrawalNotices {
        final Map<String, List<WithdrawalNotice>> byClient = new HashMap<>();

        @Override
        public void remember(String clientId, WithdrawalNotice notice) {
            List<WithdrawalNotice> list = byClient.computeIfAbsent(clientId, c -> new ArrayList<>());
            if (!list.contains(notice)) {
                list.add(notice);
            }
        }

        @Override
        public List<WithdrawalNotice> pending(String clientId) {
            return List.copyOf(byClient.getOrDefault(clientId, List.of()));
        }

        @Override
        public void told(String clientId, List<WithdrawalNotice> told) {
            byClient.getOrDefault(clientId, new ArrayList<>()).removeAll(told);
        }
    }

    static final class InMemorySentMails implements SentMails {

        final Map<String, SentMail> records = new HashMap<>();

        void put(SentMail record) {
            records.put(record.batchId(), record);
        }

        @Override
        public SentMail find(String batchId) {
            return records.get(batchId);
        }

        @Override
        public int claim(DeliveryPlanned batch, SentMail seen, String messageId, Instant now, Instant leaseUntil) {
            if (!java.util.Objects.equals(records.get(batch.batchId()), seen)) {
                throw new BatchInProgress(batch.batchId());
            }
            int attempts = seen == null ? 1 : seen.attempts() + 1;
            put(new SentMail(batch.batchId(), SentMailState.SENDING, attempts, leaseUntil, null, null, false, false));
            return attempts;
        }

        @Override
        public void markSent(String batchId, Instant at, UUID outcomeEventId) {
            SentMail r = records.get(batchId);
            put(new SentMail(batchId, SentMailState.SENT, r.attempts(), null, at, outcomeEventId, false, false));
        }

        @Override
        public void markFailed(String batchId, String reason, Instant at) {
            SentMail r = records.get(batchId);
            put(new SentMail(batchId, SentMailState.FAILED, r.attempts(), null, null, null, false, false));
        }

        @Override
        public SentMail markDeadLettered(DeliveryPlanned batch, String reason, Instant at, UUID outcomeEventId) {
            SentMail r = records.get(batch.batchId());
            put(new SentMail(
                    batch.batchId(),
                    SentMailState.FAILED,
                    r == null ? 0 : r.attempts(),
                    null,
                    null,
                    outcomeEventId,
                    false,
                    true));
            return records.get(batch.batchId());
        }

        @Override
        public void markOutcomePublished(String batchId) {
            SentMail r = records.get(batchId);
            put(new SentMail(
                    batchId,
                    r.state(),
                    r.attempts(),
                    r.leaseUntil(),
                    r.sentAt(),
                    r.outcomeEventId(),
                    true,
                    r.deadLettered()));
        }
    }
}
