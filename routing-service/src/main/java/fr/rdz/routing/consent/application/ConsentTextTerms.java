package fr.rdz.routing.consent.application;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.domain.PartnerGroup;
import java.time.LocalDate;
import java.util.List;

/** What an operator sends to create a consent text (the hash is always computed by the server). */
public record ConsentTextTerms(
        String version,
        Entity entity,
        String wording,
        List<String> partnerClientIds,
        List<PartnerGroup> partnerGroups,
        LocalDate validFrom,
        LocalDate validUntil) {}
