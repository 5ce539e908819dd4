package fr.rdz.events;

/**
 * A business fact published on a topic. Each event knows its Kafka record key (spec §2: lead
 * events by normalised phone, batch events by client id, catalog items by id) and the entity it
 * belongs to (null only where a fact has none yet, e.g. an orphan lead or an erasure).
 */
public sealed interface RdzEvent permits IntakeEvent, RoutingEvent, DeliveryEvent, ChannelEvent {

    /** The Kafka record key. */
    String key();

    /** The entity written in the envelope. */
    Entity entity();
}
