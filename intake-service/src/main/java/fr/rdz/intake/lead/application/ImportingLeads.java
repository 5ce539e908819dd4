package fr.rdz.intake.lead.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.intake.lead.domain.LeadSubmission;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Migration (spec §8): NDJSON of the original RDZ {@code leads} documents, one per line, through
 * the reception pipeline with their original {@code id} as lead id and {@code created_at} as
 * reception time. Idempotent: a lead already imported is left as it is.
 */
@Service
public class ImportingLeads {

    private static final int MAX_ERRORS_LISTED = 100;

    private final ReceivingLead receiving;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ImportingLeads(ReceivingLead receiving, ObjectMapper mapper, Clock clock) {
        this.receiving = receiving;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What an import did, line by line. */
    public record ImportReport(int lines, int imported, int alreadyPresent, int rejected, List<LineError> errors) {}

    public record LineError(int line, String error) {}

    public Mono<ImportReport> importLines(Flux<String> lines) {
        AtomicInteger number = new AtomicInteger();
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        List<LineError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rejected = new AtomicInteger();
        return lines.map(line -> new Line(number.incrementAndGet(), line))
                .filter(l -> !l.text().isBlank())
                .concatMap(l -> importOne(l)
                        .doOnNext(outcome -> {
                            if (outcome == ReceivingLead.Imported.IMPORTED) {
                                imported.incrementAndGet();
                            } else {
                                present.incrementAndGet();
                            }
                        })
                        .onErrorResume(e -> {
                            rejected.incrementAndGet();
                            if (errors.size() < MAX_ERRORS_LISTED) {
                                errors.add(new LineError(l.number(), e.getMessage()));
                            }
                            return Mono.empty();
                        }))
                .then(Mono.fromSupplier(() -> new ImportReport(
                        number.get(), imported.get(), present.get(), rejected.get(), List.copyOf(errors))));
    }

    private record Line(int number, String text) {}

    private Mono<ReceivingLead.Imported> importOne(Line line) {
        JsonNode doc;
        LeadSubmission submission;
        try {
            doc = mapper.readTree(line.text());
            if (doc == null || !doc.isObject()) {
                return Mono.error(new IllegalArgumentException("not a JSON object"));
            }
            submission = mapper.treeToValue(doc, LeadSubmission.class);
        } catch (IOException e) {
            return Mono.error(new IllegalArgumentException(
                    "not a lead document: " + e.getClass().getSimpleName()));
        }
        String id = doc.path("id").asText("");
        if (id.isBlank()) {
            // no original id: derive a stable one from the line, so that a second import finds it
            id = UUID.nameUUIDFromBytes(line.text().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
        }
        Instant receivedAt = instant(doc.path("created_at").asText(""));
        if (receivedAt == null) {
            receivedAt = clock.instant();
        }
        boolean doubleSubmit = doc.path("is_double_submit").asBoolean(false)
                || "double_submit".equals(doc.path("api_status").asText(""));
        String original = doubleSubmit ? doc.path("original_lead_id").asText("") : null;
        RequestOrigin origin = new RequestOrigin(
                doc.path("ip").asText(""), doc.path("user_agent").asText(""));
        return receiving.receiveImported(
                submission, id, receivedAt, origin, original == null || original.isBlank() ? null : original);
    }

    /** The seed wrote {@code datetime.now(timezone.utc).isoformat()}; plain instants and naive times (UTC) are accepted too. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
