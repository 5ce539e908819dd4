package fr.rdz.routing.consent.web;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.domain.ConsentText;
import fr.rdz.routing.consent.domain.PartnerGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A consent text as the admin API shows it (snake_case JSON). */
@Schema(name = "ConsentText")
record ConsentTextView(
        String version,
        Entity entity,
        String wording,
        @Schema(description = "SHA-256 of the exact UTF-8 wording, lower-case hex") String hash,
        List<String> partnerClientIds,
        List<PartnerGroup> partnerGroups,
        @Schema(description = "Every client the text covers, directly or through a group")
                List<String> coveredClientIds,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant createdAt) {

    static ConsentTextView of(ConsentText t) {
        return new ConsentTextView(
                t.version(),
                t.entity(),
                t.wording(),
                t.hash(),
                t.partnerClientIds(),
                t.partnerGroups(),
                List.copyOf(t.coveredClientIds()),
                t.validFrom(),
                t.validUntil(),
                t.createdAt());
    }
}
