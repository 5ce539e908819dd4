package fr.rdz.intake.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest {@code LpSnapshot} of one landing page, keyed by code. */
@Document("lps")
public record LpDocument(
        @Id String code,
        Entity entity,
        String name,
        String url,
        String formCode,
        CatalogStatus status,
        Instant updatedAt) {}
