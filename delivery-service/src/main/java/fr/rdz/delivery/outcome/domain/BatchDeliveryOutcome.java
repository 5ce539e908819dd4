package fr.rdz.delivery.outcome.domain;

import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the client of a batch actually received, channel by channel, and the leads whose delivery
 * failed on every channel of the batch.
 *
 * <p>A failed lead stays delivered for planning: the ledger line keeps counting for the weekly quota
 * and the 30-day duplicate rule, and the lead does not go back to the pool. The operators replay the
 * dead letters (crm-push, notifier) and the replay reaches the same client; planning it for another
 * client meanwhile could sell it twice. The failure is shown in the run and counted here.
 */
public record BatchDeliveryOutcome(Map<OutcomeChannel, ChannelSummary> channels, List<String> failedLeadIds) {

    /** Nothing to report: a dry run, an empty batch. */
    public static final BatchDeliveryOutcome NONE = new BatchDeliveryOutcome(Map.of(), List.of());

    public BatchDeliveryOutcome {
        channels = Map.copyOf(channels);
        failedLeadIds = List.copyOf(failedLeadIds);
    }

    public int failedLeads() {
        return failedLeadIds.size();
    }

    /**
     * @param leadIds the batch's leads
     * @param expected the channels the client had when the batch was planned (empty when unknown);
     *     a channel that reported without being expected is shown too
     * @param recorded the standing outcome of each lead (by lead id) on each channel that reported
     */
    public static BatchDeliveryOutcome of(
            List<String> leadIds,
            Collection<OutcomeChannel> expected,
            Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded) {
        if (leadIds == null || leadIds.isEmpty()) {
            return NONE;
        }
        Set<OutcomeChannel> channels = EnumSet.noneOf(OutcomeChannel.class);
        if (expected != null) {
            channels.addAll(expected);
        }
        for (String leadId : leadIds) {
            channels.addAll(recorded.getOrDefault(leadId, Map.of()).keySet());
        }
        Map<OutcomeChannel, ChannelSummary> summaries = new LinkedHashMap<>();
        for (OutcomeChannel channel : channels) {
            summaries.put(channel, summary(channel, leadIds, recorded));
        }
        List<String> failed = new ArrayList<>();
        if (!channels.isEmpty()) {
            for (String leadId : leadIds) {
                Map<OutcomeChannel, ChannelOutcome> byChannel = recorded.getOrDefault(leadId, Map.of());
                if (channels.stream()
                        .allMatch(c ->
                                byChannel.containsKey(c) && byChannel.get(c).state() == ChannelState.FAILED)) {
                    failed.add(leadId);
                }
            }
        }
        return new BatchDeliveryOutcome(summaries, failed);
    }

    private static ChannelSummary summary(
            OutcomeChannel channel, List<String> leadIds, Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded) {
        int sent = 0;
        int duplicate = 0;
        int failed = 0;
        int retrying = 0;
        int pending = 0;
        int attempts = 0;
        ChannelOutcome latest = null;
        ChannelOutcome latestTrouble = null;
        List<String> failedIds = new ArrayList<>();
        for (String leadId : leadIds) {
            ChannelOutcome o = recorded.getOrDefault(leadId, Map.of()).get(channel);
            if (o == null) {
                pending++;
                continue;
            }
            switch (o.state()) {
                case SENT -> sent++;
                case DUPLICATE -> duplicate++;
                case FAILED -> {
                    failed++;
                    failedIds.add(leadId);
                }
                case RETRYING -> retrying++;
                case PENDING -> pending++;
            }
            attempts = Math.max(attempts, o.attempts());
            latest = later(latest, o);
            if (o.state() == ChannelState.FAILED || o.state() == ChannelState.RETRYING) {
                latestTrouble = later(latestTrouble, o);
            }
        }
        ChannelOutcome shown = latestTrouble != null ? latestTrouble : latest;
        OutcomeStatus status = shown == null ? null : shown.status();
        String reason = shown == null ? null : shown.reason();
        Instant at = latest == null ? null : latest.at();
        return new ChannelSummary(
                channel,
                ChannelSummary.State.of(leadIds.size(), sent, duplicate, failed, retrying, pending),
                sent,
                duplicate,
                failed,
                retrying,
                pending,
                status,
                reason,
                at,
                attempts,
                failedIds);
    }

    private static ChannelOutcome later(ChannelOutcome a, ChannelOutcome b) {
        return a == null || b.at().isAfter(a.at()) ? b : a;
    }
}
