package fr.rdz.intake.inbound.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A public request body that could not be read as what the route expects, kept (size-capped) for analysis. */
@Document("quarantine")
public record QuarantineDocument(
        @Id String id,
        String path,
        String reason,
        String contentType,
        String ip,
        String userAgent,
        long size,
        String body,
        boolean truncated,
        Instant receivedAt) {}
