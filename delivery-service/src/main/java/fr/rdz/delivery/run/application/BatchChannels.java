package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.OutcomeChannel;
import java.util.ArrayList;
import java.util.List;

/** The channels a batch goes out on: its client's, none for an empty batch (recorded, never sent). */
final class BatchChannels {

    private BatchChannels() {}

    static List<OutcomeChannel> of(PlannedBatch b, ClientSnapshot client) {
        if (b.leads().isEmpty() || client == null || client.deliveryChannel() == null) {
            return List.of();
        }
        DeliveryChannel channel = client.deliveryChannel();
        List<OutcomeChannel> channels = new ArrayList<>();
        if (channel.byEmail()) {
            channels.add(OutcomeChannel.EMAIL);
        }
        if (channel.byApi()) {
            channels.add(OutcomeChannel.API);
        }
        return List.copyOf(channels);
    }
}
