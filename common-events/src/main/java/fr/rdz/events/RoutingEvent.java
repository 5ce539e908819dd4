package fr.rdz.events;

/** Facts published by routing-service: routing decisions, catalog snapshots, rejections and erasures. */
public sealed interface RoutingEvent extends RdzEvent
        permits LeadRouted, LeadRejected, PersonErased, FormSnapshot, LpSnapshot, ClientSnapshot, CommandeSnapshot {}
