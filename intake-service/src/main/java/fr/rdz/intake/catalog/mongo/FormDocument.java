package fr.rdz.intake.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest {@code FormSnapshot} of one form, keyed by code. */
@Document("forms")
public record FormDocument(
        @Id String code,
        Entity entity,
        Product product,
        String name,
        String lpCode,
        CatalogStatus status,
        Instant updatedAt,
        String consentTextVersion) {}
