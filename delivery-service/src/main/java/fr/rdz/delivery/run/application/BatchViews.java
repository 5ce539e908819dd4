package fr.rdz.delivery.run.application;

import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.events.OutcomeChannel;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** A recorded batch document ({@code batches}) as the admin API shows it, with what its channels reported. */
public final class BatchViews {

    private BatchViews() {}

    public static RunView.BatchView of(Document b, Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded) {
        List<String> leadIds = b.getList("lead_ids", String.class, List.of());
        List<OutcomeChannel> channels = b.getList("channels", String.class, List.of()).stream()
                .map(OutcomeChannel::valueOf)
                .toList();
        return new RunView.BatchView(
                b.getString("_id"),
                b.getString("commande_id"),
                b.getString("client_id"),
                b.getString("product"),
                leadIds,
                b.getInteger("fresh", 0),
                b.getInteger("lb", 0),
                b.getInteger("cross_entity", 0),
                b.getInteger("duplicates_replaced", 0),
                b.getInteger("target", 0),
                b.getBoolean("short", false),
                channels,
                BatchDeliveryOutcome.of(leadIds, channels, recorded),
                ShortReasonDocuments.read(b),
                b.getString("client_name"));
    }
}
