package fr.rdz.delivery.run.application;

import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.events.OutcomeChannel;
import java.util.Map;

/** A recorded batch as the admin API shows it, with what its channels reported. */
public final class BatchViews {

    private BatchViews() {}

    public static RunView.BatchView of(StoredBatch b, Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded) {
        StoredBatch.Figures f = b.figures();
        return new RunView.BatchView(
                b.id(),
                b.commandeId(),
                b.clientId(),
                b.product(),
                b.leadIds(),
                f.fresh(),
                f.lb(),
                f.crossEntity(),
                f.duplicatesReplaced(),
                f.target(),
                f.isShort(),
                b.channels(),
                BatchDeliveryOutcome.of(b.leadIds(), b.channels(), recorded),
                f.shortReasons(),
                b.clientName());
    }
}
