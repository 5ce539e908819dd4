package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;

/** Filters of the lead search; {@code from}/{@code to} are ISO dates (Paris days, both included) or instants. */
public record LeadSearch(
        Entity entity,
        String status,
        String phone,
        String from,
        String to,
        Product product,
        String form,
        String lp,
        String utmSource,
        String utmCampaign,
        int page,
        int size) {}
