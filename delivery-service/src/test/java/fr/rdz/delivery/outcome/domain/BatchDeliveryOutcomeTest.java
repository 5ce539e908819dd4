package fr.rdz.delivery.outcome.domain;

import static fr.rdz.delivery.outcome.domain.OutcomeMother.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch's delivery, channel by channel, and the leads that failed on every channel of the client. */
class BatchDeliveryOutcomeTest {

    private static final List<String> LEADS = List.of("l1", "l2", "l3");
    private static final List<OutcomeChannel> BOTH = List.of(OutcomeChannel.EMAIL, OutcomeChannel.API);

    @Test
    void nothingReportedYetIsPendingOnEveryChannelOfTheClient() {
        BatchDeliveryOutcome outcome = BatchDeliveryOutcome.of(LEADS, BOTH, Map.of());

        assertThat(outcome.channels()).containsOnlyKeys(OutcomeChannel.EMAIL, OutcomeChannel.API);
        assertThat(outcome.channels().get(OutcomeChannel.API).state()).isEqualTo(ChannelSummary.State.PENDING);
        assertThat(outcome.channels().get(OutcomeChannel.API).pending()).isEqualTo(3);
        assertThat(outcome.failedLeads()).isZero();
    }

    @Test
    void aLeadIsFailedOnlyWhenEveryChannelOfTheClientFailedIt() {
        ChannelOutcome mailFailed = outcome("m-1", OutcomeStatus.DEAD_LETTERED, 10, 6);
        Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded = Map.of(
                "l1",
                        Map.of(
                                OutcomeChannel.EMAIL,
                                mailFailed,
                                OutcomeChannel.API,
                                outcome("a-1", OutcomeStatus.SUCCESS, 1, 1)),
                "l2",
                        Map.of(
                                OutcomeChannel.EMAIL,
                                mailFailed,
                                OutcomeChannel.API,
                                outcome("a-2", OutcomeStatus.VALIDATION_ERROR, 2, 1)),
                "l3", Map.of(OutcomeChannel.EMAIL, mailFailed));

        BatchDeliveryOutcome outcome = BatchDeliveryOutcome.of(LEADS, BOTH, recorded);

        assertThat(outcome.failedLeadIds()).containsExactly("l2");
        ChannelSummary email = outcome.channels().get(OutcomeChannel.EMAIL);
        assertThat(email.state()).isEqualTo(ChannelSummary.State.FAILED);
        assertThat(email.failed()).isEqualTo(3);
        assertThat(email.status()).isEqualTo(OutcomeStatus.DEAD_LETTERED);
        assertThat(email.reason()).isEqualTo("HTTP 503");
        assertThat(email.attempts()).isEqualTo(6);
        ChannelSummary api = outcome.channels().get(OutcomeChannel.API);
        assertThat(api.state()).isEqualTo(ChannelSummary.State.PENDING);
        assertThat(api.sent()).isEqualTo(1);
        assertThat(api.failed()).isEqualTo(1);
        assertThat(api.pending()).isEqualTo(1);
        assertThat(api.failedLeadIds()).containsExactly("l2");
        assertThat(api.status()).isEqualTo(OutcomeStatus.VALIDATION_ERROR);
        assertThat(api.at()).isEqualTo(OutcomeMother.T0.plusSeconds(120));
    }

    @Test
    void anEmailOnlyClientsLeadsFailWithTheEmail() {
        ChannelOutcome mailFailed = outcome("m-1", OutcomeStatus.DEAD_LETTERED, 10, 6);
        Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded =
                Map.of("l1", Map.of(OutcomeChannel.EMAIL, mailFailed), "l2", Map.of(OutcomeChannel.EMAIL, mailFailed));

        BatchDeliveryOutcome outcome =
                BatchDeliveryOutcome.of(List.of("l1", "l2"), List.of(OutcomeChannel.EMAIL), recorded);

        assertThat(outcome.channels()).containsOnlyKeys(OutcomeChannel.EMAIL);
        assertThat(outcome.failedLeadIds()).containsExactly("l1", "l2");
    }

    @Test
    void mixedFinalAnswersArePartiallyFailedAndARetryShowsAsRetrying() {
        Map<String, Map<OutcomeChannel, ChannelOutcome>> finals = Map.of(
                "l1", Map.of(OutcomeChannel.API, outcome("a-1", OutcomeStatus.SUCCESS, 1, 1)),
                "l2", Map.of(OutcomeChannel.API, outcome("a-2", OutcomeStatus.DUPLICATE, 1, 1)),
                "l3", Map.of(OutcomeChannel.API, outcome("a-3", OutcomeStatus.AUTH_ERROR, 1, 1)));
        List<OutcomeChannel> api = List.of(OutcomeChannel.API);

        ChannelSummary partial =
                BatchDeliveryOutcome.of(LEADS, api, finals).channels().get(OutcomeChannel.API);
        assertThat(partial.state()).isEqualTo(ChannelSummary.State.PARTIALLY_FAILED);
        assertThat(partial.duplicate()).isEqualTo(1);

        Map<String, Map<OutcomeChannel, ChannelOutcome>> retrying = Map.of(
                "l1", Map.of(OutcomeChannel.API, outcome("a-1", OutcomeStatus.SUCCESS, 1, 1)),
                "l2", Map.of(OutcomeChannel.API, outcome("a-2", OutcomeStatus.RETRYING, 1, 1)));
        assertThat(BatchDeliveryOutcome.of(LEADS, api, retrying)
                        .channels()
                        .get(OutcomeChannel.API)
                        .state())
                .isEqualTo(ChannelSummary.State.RETRYING);
    }

    @Test
    void everyLeadSentIsSentAndAChannelThatReportedWithoutBeingExpectedIsShown() {
        Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded = Map.of(
                "l1", Map.of(OutcomeChannel.EMAIL, outcome("m", OutcomeStatus.SENT, 1, 1)),
                "l2", Map.of(OutcomeChannel.EMAIL, outcome("m", OutcomeStatus.SENT, 1, 1)));

        BatchDeliveryOutcome outcome = BatchDeliveryOutcome.of(List.of("l1", "l2"), List.of(), recorded);

        assertThat(outcome.channels().get(OutcomeChannel.EMAIL).state()).isEqualTo(ChannelSummary.State.SENT);
        assertThat(outcome.channels().get(OutcomeChannel.EMAIL).reason()).isNull();
        assertThat(outcome.failedLeads()).isZero();
    }

    @Test
    void anEmptyBatchHasNothingToReport() {
        assertThat(BatchDeliveryOutcome.of(List.of(), BOTH, Map.of())).isEqualTo(BatchDeliveryOutcome.NONE);
    }
}
