package fr.rdz.events;

/** Facts published by intake-service. */
public sealed interface IntakeEvent extends RdzEvent permits LeadReceived {}
