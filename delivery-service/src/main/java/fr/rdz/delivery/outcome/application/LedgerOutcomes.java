package fr.rdz.delivery.outcome.application;

import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.events.OutcomeChannel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The channels' outcomes on the delivery ledger (one line per run and lead): what stands on each channel of a line,
 * replaced only by compare-and-set on the standing event id.
 */
public interface LedgerOutcomes {

    /** A ledger line as the outcome recording needs it: its batch and what stands on one channel (null: nothing yet). */
    record Line(String batchId, ChannelOutcome current) {}

    /** A lead of a run and the outcome standing on each channel that reported. */
    record LeadOutcomes(String leadId, String batchId, Map<OutcomeChannel, ChannelOutcome> channels) {}

    static String lineId(String runId, String leadId) {
        return runId + ":" + leadId;
    }

    Mono<Line> find(String lineId, OutcomeChannel channel);

    /** Replaces the channel's outcome if {@code expectedEventId} still stands (null: nothing yet); false otherwise. */
    Mono<Boolean> replace(
            String lineId, OutcomeChannel channel, String expectedEventId, ChannelOutcome outcome, Instant now);

    /** Every ledger line of a run with its channels' outcomes. */
    Flux<LeadOutcomes> ofRun(String runId);

    /** The ledger lines of these leads of a run, each by its id. */
    Flux<LeadOutcomes> ofLeads(String runId, List<String> leadIds);

    /** The lead ids of a batch. */
    Mono<List<String>> batchLeadIds(String batchId);
}
