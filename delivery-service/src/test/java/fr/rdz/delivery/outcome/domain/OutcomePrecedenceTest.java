package fr.rdz.delivery.outcome.domain;

import static fr.rdz.delivery.outcome.domain.OutcomeMother.fold;
import static fr.rdz.delivery.outcome.domain.OutcomeMother.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.OutcomeStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which outcome of one channel for one lead stands: success beats failure, replays change nothing, order does not matter. */
class OutcomePrecedenceTest {

    private static final ChannelOutcome RETRYING = outcome("e-1", OutcomeStatus.RETRYING, 0, 1);
    private static final ChannelOutcome DEAD_LETTERED = outcome("e-2", OutcomeStatus.DEAD_LETTERED, 120, 6);
    private static final ChannelOutcome REPLAY_RETRYING = outcome("e-3", OutcomeStatus.RETRYING, 200, 7);
    private static final ChannelOutcome REPLAYED_SUCCESS = outcome("e-4", OutcomeStatus.SUCCESS, 210, 8);

    @Test
    void theFirstOutcomeStands() {
        assertThat(OutcomePrecedence.merge(null, DEAD_LETTERED)).isSameAs(DEAD_LETTERED);
    }

    @Test
    void aSuccessAfterAFailureSupersedesIt() {
        assertThat(OutcomePrecedence.merge(DEAD_LETTERED, REPLAYED_SUCCESS)).isSameAs(REPLAYED_SUCCESS);
    }

    @Test
    void aFailureNeverOverwritesASuccessEvenWhenItIsLater() {
        ChannelOutcome laterFailure = outcome("e-9", OutcomeStatus.DEAD_LETTERED, 500, 9);
        ChannelOutcome laterAuthError = outcome("e-10", OutcomeStatus.AUTH_ERROR, 501, 1);
        ChannelOutcome laterRetry = outcome("e-11", OutcomeStatus.RETRYING, 502, 1);

        assertThat(OutcomePrecedence.merge(REPLAYED_SUCCESS, laterFailure)).isSameAs(REPLAYED_SUCCESS);
        assertThat(OutcomePrecedence.merge(REPLAYED_SUCCESS, laterAuthError)).isSameAs(REPLAYED_SUCCESS);
        assertThat(OutcomePrecedence.merge(REPLAYED_SUCCESS, laterRetry)).isSameAs(REPLAYED_SUCCESS);
    }

    @Test
    void aCrmDuplicateAnswerIsAFinalAnswerThatAFailureDoesNotOverwrite() {
        ChannelOutcome duplicate = outcome("e-5", OutcomeStatus.DUPLICATE, 210, 7);

        assertThat(OutcomePrecedence.merge(DEAD_LETTERED, duplicate)).isSameAs(duplicate);
        assertThat(OutcomePrecedence.merge(duplicate, outcome("e-6", OutcomeStatus.FAILED, 300, 8)))
                .isSameAs(duplicate);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ChannelOutcome sameEventAgain = outcome("e-2", OutcomeStatus.DEAD_LETTERED, 120, 6);

        assertThat(OutcomePrecedence.merge(DEAD_LETTERED, sameEventAgain)).isSameAs(DEAD_LETTERED);
        assertThat(OutcomePrecedence.merge(REPLAYED_SUCCESS, outcome("e-4", OutcomeStatus.SUCCESS, 210, 8)))
                .isSameAs(REPLAYED_SUCCESS);
    }

    @Test
    void theLatestFailureOrRetryStandsAndAStaleOneArrivingLateChangesNothing() {
        assertThat(OutcomePrecedence.merge(RETRYING, DEAD_LETTERED)).isSameAs(DEAD_LETTERED);
        assertThat(OutcomePrecedence.merge(DEAD_LETTERED, RETRYING)).isSameAs(DEAD_LETTERED);
        // a dead letter being replayed shows as retried again
        assertThat(OutcomePrecedence.merge(DEAD_LETTERED, REPLAY_RETRYING)).isSameAs(REPLAY_RETRYING);
    }

    @Test
    void atTheSameInstantAFailureBeatsARetry() {
        ChannelOutcome retry = outcome("e-b", OutcomeStatus.RETRYING, 5, 3);
        ChannelOutcome failure = outcome("e-a", OutcomeStatus.DEAD_LETTERED, 5, 3);

        assertThat(OutcomePrecedence.merge(retry, failure)).isSameAs(failure);
        assertThat(OutcomePrecedence.merge(failure, retry)).isSameAs(failure);
    }

    @Test
    void theFirstOfTwoSuccessesStands() {
        ChannelOutcome first = outcome("e-z", OutcomeStatus.SENT, 1, 1);
        ChannelOutcome second = outcome("e-a", OutcomeStatus.SENT, 2, 1);

        assertThat(OutcomePrecedence.merge(first, second)).isSameAs(first);
        assertThat(OutcomePrecedence.merge(second, first)).isSameAs(first);
    }

    @Test
    void anyArrivalOrderWithDuplicatesEndsOnTheSameOutcome() {
        List<ChannelOutcome> history = List.of(
                RETRYING,
                outcome("e-1b", OutcomeStatus.RETRYING, 1, 2),
                DEAD_LETTERED,
                REPLAY_RETRYING,
                REPLAYED_SUCCESS,
                outcome("e-late", OutcomeStatus.DEAD_LETTERED, 400, 9));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            List<ChannelOutcome> arrivals = new ArrayList<>(history);
            arrivals.addAll(history.subList(0, random.nextInt(history.size()))); // redeliveries
            Collections.shuffle(arrivals, random);

            assertThat(fold(arrivals)).as("arrivals %s", arrivals).isEqualTo(REPLAYED_SUCCESS);
        }
    }

    @Test
    void withoutASuccessAnyArrivalOrderEndsOnTheLatestFailure() {
        List<ChannelOutcome> history = List.of(RETRYING, DEAD_LETTERED, REPLAY_RETRYING);
        ChannelOutcome replayDeadLettered = outcome("e-7", OutcomeStatus.DEAD_LETTERED, 400, 12);
        List<ChannelOutcome> all = new ArrayList<>(history);
        all.add(replayDeadLettered);
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            List<ChannelOutcome> arrivals = new ArrayList<>(all);
            arrivals.add(DEAD_LETTERED);
            Collections.shuffle(arrivals, random);

            assertThat(fold(arrivals)).isEqualTo(replayDeadLettered);
        }
    }

    @Test
    void statusesMapToWhatTheClientReceived() {
        assertThat(ChannelState.of(OutcomeStatus.SENT)).isEqualTo(ChannelState.SENT);
        assertThat(ChannelState.of(OutcomeStatus.SUCCESS)).isEqualTo(ChannelState.SENT);
        assertThat(ChannelState.of(OutcomeStatus.DUPLICATE)).isEqualTo(ChannelState.DUPLICATE);
        assertThat(ChannelState.of(OutcomeStatus.RETRYING)).isEqualTo(ChannelState.RETRYING);
        assertThat(List.of(
                                OutcomeStatus.VALIDATION_ERROR,
                                OutcomeStatus.AUTH_ERROR,
                                OutcomeStatus.DEAD_LETTERED,
                                OutcomeStatus.FAILED)
                        .stream()
                        .map(ChannelState::of))
                .containsOnly(ChannelState.FAILED);
    }
}
