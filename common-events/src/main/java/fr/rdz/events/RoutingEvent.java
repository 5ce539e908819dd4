package fr.rdz.events;

/** Facts published by routing-service: routing decisions, catalog snapshots, rejections, erasures and withdrawals of consent. */
public sealed interface RoutingEvent extends RdzEvent
        permits LeadRouted,
                LeadRejected,
                PersonErased,
                ConsentWithdrawn,
                FormSnapshot,
                LpSnapshot,
                ClientSnapshot,
                CommandeSnapshot {}
