package fr.rdz.routing.consent.domain;

import fr.rdz.events.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A consent text of the catalog (spec §11): the exact French wording a person accepts, its
 * SHA-256, the partners it names (clients directly, or named groups of clients) and when it may be
 * used. Immutable: a new wording is a new version.
 */
public record ConsentText(
        String version,
        Entity entity,
        String wording,
        String hash,
        List<String> partnerClientIds,
        List<PartnerGroup> partnerGroups,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant createdAt) {

    public ConsentText {
        partnerClientIds = partnerClientIds == null ? List.of() : List.copyOf(partnerClientIds);
        partnerGroups = partnerGroups == null ? List.of() : List.copyOf(partnerGroups);
    }

    /** Every client the text names, directly or through one of its groups. */
    public Set<String> coveredClientIds() {
        Set<String> all = new LinkedHashSet<>(partnerClientIds);
        partnerGroups.forEach(g -> all.addAll(g.clientIds()));
        return all;
    }

    /** Whether this text and another say the same thing (a repeated creation is not a conflict). */
    public boolean sameTermsAs(ConsentText other) {
        return entity == other.entity
                && wording.equals(other.wording)
                && partnerClientIds.equals(other.partnerClientIds)
                && partnerGroups.equals(other.partnerGroups)
                && java.util.Objects.equals(validFrom, other.validFrom)
                && java.util.Objects.equals(validUntil, other.validUntil);
    }
}
