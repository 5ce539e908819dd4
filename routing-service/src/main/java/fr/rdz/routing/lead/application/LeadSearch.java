package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.shared.domain.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Filters of the lead search; {@code from}/{@code to} are ISO dates (Paris days, both included) or
 * instants. Built from the query string by {@link #parse}, which names every invalid parameter at once.
 */
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
        int size,
        String name,
        String email,
        String departement,
        String client,
        String commande,
        String qualityTier) {

    /** Whether the search is by form alone or by LP alone (entity, page and size apart). */
    public boolean onlyFormOrLp() {
        boolean form = given(this.form);
        boolean lp = given(this.lp);
        return form != lp
                && product == null
                && !given(status)
                && !given(phone)
                && !given(from)
                && !given(to)
                && !given(utmSource)
                && !given(utmCampaign)
                && !given(name)
                && !given(email)
                && !given(departement)
                && !given(client)
                && !given(commande)
                && !given(qualityTier);
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Every status a lead can be searched by: its current status, intake's status or the routing state. */
    public static final List<String> STATUSES = List.of(
            "fresh",
            "no_order",
            "invalid",
            "orphan",
            "double_submit",
            "no_consent",
            "delivered",
            "rejected",
            "erased",
            "pending",
            "invalid_phone",
            "missing_required");

    public static final Set<String> PARAMETERS = Set.of(
            "entity",
            "status",
            "phone",
            "name",
            "email",
            "from",
            "to",
            "product",
            "departement",
            "form",
            "lp",
            "utm_source",
            "utm_campaign",
            "quality_tier",
            "client",
            "commande",
            "page",
            "size");

    /** Reads the (already known) parameters; every invalid value is added to {@code errors}, which then throws. */
    public static LeadSearch parse(Map<String, String> p, InvalidInput.Collector errors) {
        Entity entity = enumValue(p.get("entity"), "entity", Entity.class, errors);
        Product product = enumValue(p.get("product"), "product", Product.class, errors);
        String status = trim(p.get("status"));
        if (status != null && !STATUSES.contains(status.toLowerCase())) {
            errors.add("status", "unknown status (expected one of " + String.join(", ", STATUSES) + ")");
        }
        int page = integer(p.get("page"), 0, "page", errors);
        if (page < 0) {
            errors.add("page", "must be 0 or more");
        }
        int size = integer(p.get("size"), DEFAULT_SIZE, "size", errors);
        if (size < 1 || size > MAX_SIZE) {
            errors.add("size", "must be between 1 and " + MAX_SIZE);
        }
        String from = trim(p.get("from"));
        String to = trim(p.get("to"));
        checkInstant(from, false, "from", errors);
        checkInstant(to, true, "to", errors);
        String departement = trim(p.get("departement"));
        if (departement != null && !departement.matches("(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])")) {
            errors.add("departement", "must be a département code (01…95, 2A, 2B, 971…976)");
        }
        String name = trim(p.get("name"));
        if (name != null && name.length() > 100) {
            errors.add("name", "at most 100 characters");
        }
        String email = trim(p.get("email"));
        if (email != null && email.length() > 254) {
            errors.add("email", "at most 254 characters");
        }
        errors.throwIfAny("invalid lead search");
        return new LeadSearch(
                entity,
                status == null ? null : status.toLowerCase(),
                trim(p.get("phone")),
                from,
                to,
                product,
                trim(p.get("form")),
                trim(p.get("lp")),
                trim(p.get("utm_source")),
                trim(p.get("utm_campaign")),
                page,
                size,
                name,
                email,
                departement,
                trim(p.get("client")),
                trim(p.get("commande")),
                trim(p.get("quality_tier")));
    }

    private static void checkInstant(String value, boolean end, String name, InvalidInput.Collector errors) {
        if (value == null) {
            return;
        }
        try {
            SearchingLeads.instant(value, end, name);
        } catch (RuntimeException e) {
            errors.add(name, "must be a date (2026-11-20) or an instant (2026-11-20T08:30:00Z)");
        }
    }

    private static int integer(String value, int fallback, String name, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(name, "must be a whole number");
            return fallback;
        }
    }

    static <E extends Enum<E>> E enumValue(String value, String name, Class<E> type, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        errors.add(
                name,
                "unknown value (expected one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map((Function<E, String>) Enum::name)
                                        .toList())
                        + ")");
        return null;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
