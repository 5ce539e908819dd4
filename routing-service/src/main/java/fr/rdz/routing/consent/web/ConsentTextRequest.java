package fr.rdz.routing.consent.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Entity;
import fr.rdz.routing.consent.application.ConsentTextTerms;
import fr.rdz.routing.consent.application.InvalidFields.FieldError;
import fr.rdz.routing.consent.domain.PartnerGroup;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code POST /admin/consent-texts} body field by field, so that every problem — unknown
 * field, wrong type, bad date or entity — is reported at once rather than the first one only.
 */
final class ConsentTextRequest {

    static final Set<String> FIELDS =
            Set.of("version", "entity", "wording", "partner_client_ids", "partner_groups", "valid_from", "valid_until");
    private static final Set<String> GROUP_FIELDS = Set.of("name", "client_ids");

    final List<FieldError> errors = new ArrayList<>();
    final ConsentTextTerms terms;

    ConsentTextRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
            terms = new ConsentTextTerms(null, null, null, List.of(), List.of(), null, null);
            return;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(
                        name, "unknown field (expected one of " + String.join(", ", sorted(FIELDS)) + ")"));
            }
        }
        String version = text(body, "version");
        Entity entity = entity(body);
        String wording = body.has("wording")
                        && !body.get("wording").isNull()
                        && !body.get("wording").isTextual()
                ? fail("wording", "must be a string")
                : text(body, "wording");
        List<String> clients = strings(body.get("partner_client_ids"), "partner_client_ids");
        List<PartnerGroup> groups = groups(body.get("partner_groups"));
        LocalDate from = date(body, "valid_from");
        LocalDate until = date(body, "valid_until");
        terms = new ConsentTextTerms(
                version == null || version.isBlank() ? null : version.trim(),
                entity,
                wording,
                clients,
                groups,
                from,
                until);
    }

    private <T> T fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    private String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isTextual() ? n.asText() : fail(field, "must be a string");
    }

    private Entity entity(JsonNode body) {
        String value = text(body, "entity");
        if (value == null) {
            return null;
        }
        try {
            return Entity.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return fail("entity", "invalid value '" + value + "' (expected one of ZR7, MDL)");
        }
    }

    private LocalDate date(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return fail(field, "invalid date '" + value + "' (expected YYYY-MM-DD)");
        }
    }

    private List<String> strings(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            fail(field, "must be an array of client ids");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                fail(field + "[" + i + "]", "must be a client id (string)");
            } else if (!out.contains(item.asText().trim())) {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private List<PartnerGroup> groups(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            fail("partner_groups", "must be an array of {name, client_ids}");
            return List.of();
        }
        List<PartnerGroup> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode g = n.get(i);
            String path = "partner_groups[" + i + "]";
            if (!g.isObject()) {
                fail(path, "must be an object {name, client_ids}");
                continue;
            }
            for (Iterator<String> names = g.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!GROUP_FIELDS.contains(name)) {
                    fail(path + "." + name, "unknown field (expected name, client_ids)");
                }
            }
            String name = g.has("name") && g.get("name").isTextual()
                    ? g.get("name").asText().trim()
                    : null;
            out.add(new PartnerGroup(name, strings(g.get("client_ids"), path + ".client_ids")));
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
