package fr.rdz.events;

/** Facts published by the delivery channels (notifier-service, crm-push-service). */
public sealed interface ChannelEvent extends RdzEvent permits DeliveryOutcome {}
