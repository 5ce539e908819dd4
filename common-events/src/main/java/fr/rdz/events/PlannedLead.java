package fr.rdz.events;

/** One lead of a planned batch: the whole lead, and whether it came from Fresh or LB, from the other entity or not. */
public record PlannedLead(LeadData lead, LeadKind kind, boolean crossEntity) {}
