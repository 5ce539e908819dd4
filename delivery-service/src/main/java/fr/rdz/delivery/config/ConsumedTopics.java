package fr.rdz.delivery.config;

import fr.rdz.events.Topics;
import java.util.List;
import java.util.stream.Stream;

/** The topics delivery-service consumes (group {@code spring.kafka.consumer.group-id}). */
public final class ConsumedTopics {

    /** The topics the pool view (leads, catalog, rejections, erasures) is built from: a catch-up run waits for them. */
    public static final List<String> POOL_VIEW = List.of(
            Topics.LEAD_ROUTED,
            Topics.CATALOG_COMMANDES,
            Topics.CATALOG_CLIENTS,
            Topics.LEAD_REJECTED,
            Topics.PERSON_ERASED);

    /** Every consumed topic: the pool view's and the channels' outcomes (recorded on the ledger, not used to plan). */
    public static final List<String> ALL = Stream.concat(POOL_VIEW.stream(), Stream.of(Topics.DELIVERY_OUTCOME))
            .toList();

    private ConsumedTopics() {}
}
