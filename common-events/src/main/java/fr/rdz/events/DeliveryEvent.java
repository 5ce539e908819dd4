package fr.rdz.events;

/** Facts published by delivery-service when a run is planned. */
public sealed interface DeliveryEvent extends RdzEvent permits DeliveryPlanned, LeadDelivered, RunCompleted {}
