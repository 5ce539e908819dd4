package fr.rdz.delivery.config;

import fr.rdz.events.Topics;
import java.util.List;

/** The topics delivery-service consumes (group {@code spring.kafka.consumer.group-id}). */
public final class ConsumedTopics {

    public static final List<String> ALL = List.of(
            Topics.LEAD_ROUTED,
            Topics.CATALOG_COMMANDES,
            Topics.CATALOG_CLIENTS,
            Topics.LEAD_REJECTED,
            Topics.PERSON_ERASED);

    private ConsumedTopics() {}
}
