package fr.rdz.routing.consent.mongo;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.domain.ConsentText;
import fr.rdz.routing.consent.domain.PartnerGroup;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A consent text; its version is its id. Written once, never replaced. Dates as ISO strings. */
@Document("consent_texts")
public record ConsentTextDocument(
        @Id String version,
        Entity entity,
        String wording,
        String hash,
        List<String> partnerClientIds,
        List<PartnerGroup> partnerGroups,
        String validFrom,
        String validUntil,
        Instant createdAt) {

    public static ConsentTextDocument of(ConsentText t) {
        return new ConsentTextDocument(
                t.version(),
                t.entity(),
                t.wording(),
                t.hash(),
                t.partnerClientIds(),
                t.partnerGroups(),
                t.validFrom() == null ? null : t.validFrom().toString(),
                t.validUntil() == null ? null : t.validUntil().toString(),
                t.createdAt());
    }

    public ConsentText toDomain() {
        return new ConsentText(
                version,
                entity,
                wording,
                hash,
                partnerClientIds,
                partnerGroups,
                validFrom == null ? null : java.time.LocalDate.parse(validFrom),
                validUntil == null ? null : java.time.LocalDate.parse(validUntil),
                createdAt);
    }
}
