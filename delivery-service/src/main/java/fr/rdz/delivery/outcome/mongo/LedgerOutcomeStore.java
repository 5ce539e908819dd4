package fr.rdz.delivery.outcome.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.outcome.application.LedgerOutcomes;
import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.delivery.outcome.domain.ChannelState;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The channels' outcomes on the authoritative delivery ledger ({@code ledger}, one line per run and
 * lead): {@code channels.<email|api>} holds the outcome that stands for that lead on that channel
 * ({@code state}, {@code status}, {@code reason}, {@code at}, {@code attempts}, {@code event_id},
 * {@code recorded_at}). A line is only ever replaced by compare-and-set on the standing event id.
 */
@Repository
public class LedgerOutcomeStore implements LedgerOutcomes {

    static final String CHANNELS = "channels";

    private final MongoCollections collections;

    public LedgerOutcomeStore(MongoCollections collections) {
        this.collections = collections;
    }

    @Override
    public Mono<Line> find(String lineId, OutcomeChannel channel) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", lineId))
                        .projection(Projections.include("batch_id", field(channel)))
                        .first()))
                .map(d ->
                        new Line(d.getString("batch_id"), outcome(channelsOf(d).get(key(channel), Document.class))));
    }

    /**
     * Replaces the channel's outcome if {@code expectedEventId} still stands (null: nothing yet); false otherwise.
     * The filter is exactly the fields of a unique index ({@code _id}, {@code channels.<channel>.event_id}), so
     * that the Mongo stand-in, which keeps only unique indexes, serves it by index instead of scanning the ledger.
     */
    @Override
    public Mono<Boolean> replace(
            String lineId, OutcomeChannel channel, String expectedEventId, ChannelOutcome outcome, Instant now) {
        Document filter = new Document("_id", lineId).append(field(channel) + ".event_id", expectedEventId);
        return collections
                .get(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(c.updateOne(filter, Updates.set(field(channel), document(outcome, now)))))
                .map(r -> r.getMatchedCount() == 1);
    }

    /** Every ledger line of a run with its channels' outcomes. */
    @Override
    public Flux<LeadOutcomes> ofRun(String runId) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("run_id", runId))
                        .projection(Projections.include("lead_id", "batch_id", CHANNELS))))
                .map(LedgerOutcomeStore::leadOutcomes);
    }

    private static LeadOutcomes leadOutcomes(Document d) {
        Document channels = channelsOf(d);
        Map<OutcomeChannel, ChannelOutcome> byChannel = new EnumMap<>(OutcomeChannel.class);
        for (OutcomeChannel channel : OutcomeChannel.values()) {
            ChannelOutcome o = outcome(channels.get(key(channel), Document.class));
            if (o != null) {
                byChannel.put(channel, o);
            }
        }
        return new LeadOutcomes(d.getString("lead_id"), d.getString("batch_id"), byChannel);
    }

    /** The ledger lines of these leads in one run, with their channels' outcomes ({@code _id} lookups). */
    @Override
    public Flux<LeadOutcomes> ofLeads(String runId, List<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Flux.empty();
        }
        List<String> ids =
                leadIds.stream().map(l -> LedgerOutcomes.lineId(runId, l)).toList();
        return collections
                .get(MongoCollections.LEDGER)
                .flatMapMany(c -> Flux.from(c.find(Filters.in("_id", ids))
                        .projection(Projections.include("lead_id", "batch_id", CHANNELS))))
                .map(LedgerOutcomeStore::leadOutcomes);
    }

    /** The lead ids of a batch (an outcome event that names none concerns them all). */
    @Override
    public Mono<List<String>> batchLeadIds(String batchId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId))
                        .projection(Projections.include("lead_ids"))
                        .first()))
                .map(d -> d.getList("lead_ids", String.class, List.of()));
    }

    static String key(OutcomeChannel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String field(OutcomeChannel channel) {
        return CHANNELS + "." + key(channel);
    }

    private static Document channelsOf(Document line) {
        Document channels = line.get(CHANNELS, Document.class);
        return channels == null ? new Document() : channels;
    }

    private static Document document(ChannelOutcome o, Instant now) {
        return new Document("state", o.state().name())
                .append("status", o.status().name())
                .append("reason", o.reason())
                .append("at", Date.from(o.at()))
                .append("attempts", o.attempts())
                .append("event_id", o.eventId())
                .append("recorded_at", Date.from(now));
    }

    private static ChannelOutcome outcome(Document d) {
        if (d == null || d.getString("event_id") == null) {
            return null;
        }
        Integer attempts = d.getInteger("attempts");
        return new ChannelOutcome(
                ChannelState.valueOf(d.getString("state")),
                OutcomeStatus.valueOf(d.getString("status")),
                d.getString("reason"),
                d.getDate("at").toInstant(),
                attempts == null ? 0 : attempts,
                d.getString("event_id"));
    }
}
