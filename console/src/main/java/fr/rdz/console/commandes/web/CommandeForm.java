package fr.rdz.console.commandes.web;

import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.PageOperator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The commande page form as typed, its checks in French — every field at once — and the JSON body
 * of routing's {@code /admin/commandes}.
 */
public record CommandeForm(
        String entity,
        String clientId,
        String product,
        String departements,
        String weeklyQuota,
        List<String> deliveryDays,
        String lbMaxPercent,
        String priority,
        boolean allowCrossEntity,
        String startsOn,
        String endsOn,
        boolean active) {

    static final Set<String> FIELDS = Set.of(
            "entity",
            "client_id",
            "product",
            "departements",
            "weekly_quota",
            "delivery_days",
            "lb_max_percent",
            "priority",
            "allow_cross_entity",
            "starts_on",
            "ends_on",
            "active");

    static CommandeForm empty(PageOperator operator, String clientId, String entity) {
        return new CommandeForm(
                entity == null || entity.isBlank() ? operator.entities().get(0) : entity,
                clientId == null ? "" : clientId,
                "PV",
                "",
                "",
                List.of("MON", "TUE", "WED", "THU", "FRI"),
                "0",
                "1",
                false,
                "",
                "",
                true);
    }

    static CommandeForm from(MultiValueMap<String, String> data) {
        List<String> days = data.getOrDefault("delivery_days", List.of());
        return new CommandeForm(
                trim(data.getFirst("entity")),
                trim(data.getFirst("client_id")),
                trim(data.getFirst("product")),
                trim(data.getFirst("departements")),
                trim(data.getFirst("weekly_quota")),
                days == null ? List.of() : days,
                trim(data.getFirst("lb_max_percent")),
                trim(data.getFirst("priority")),
                data.containsKey("allow_cross_entity"),
                trim(data.getFirst("starts_on")),
                trim(data.getFirst("ends_on")),
                data.containsKey("active"));
    }

    @SuppressWarnings("unchecked")
    static CommandeForm of(Map<String, Object> c) {
        List<Object> deps = (List<Object>) c.getOrDefault("departements", List.of());
        List<Object> days = (List<Object>) c.getOrDefault("delivery_days", List.of());
        return new CommandeForm(
                str(c.get("entity")),
                str(c.get("client_id")),
                str(c.get("product")),
                String.join(", ", deps.stream().map(String::valueOf).toList()),
                str(c.get("weekly_quota")),
                days.stream().map(String::valueOf).toList(),
                str(c.get("lb_max_percent")),
                str(c.get("priority")),
                Boolean.TRUE.equals(c.get("allow_cross_entity")),
                str(c.get("starts_on")),
                str(c.get("ends_on")),
                Boolean.TRUE.equals(c.get("active")));
    }

    List<String> departementList() {
        return Arrays.stream(departements.split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .toList();
    }

    FieldErrors check(PageOperator operator) {
        FieldErrors errors = new FieldErrors();
        if (entity.isEmpty()) {
            errors.reject("entity", "Choisissez l'entité (ZR7 ou MDL).");
        } else if (!operator.entities().contains(entity)) {
            errors.reject("entity", "Entité hors de votre périmètre : " + operator.entities() + ".");
        }
        if (clientId.isEmpty()) {
            errors.reject("client_id", "Choisissez le client.");
        }
        if (!Labels.PRODUCTS.containsKey(product)) {
            errors.reject("product", "Choisissez le produit : PV, PAC ou ITE.");
        }
        List<String> deps = departementList();
        if (deps.isEmpty()) {
            errors.reject("departements", "Indiquez au moins un département (01 à 95, 2A, 2B), ou * pour tous.");
        } else if (deps.contains("*") && deps.size() > 1) {
            errors.reject("departements", "« * » veut dire tous les départements : ne le combinez pas avec d'autres.");
        } else {
            List<String> wrong = deps.stream()
                    .filter(d -> !d.equals("*") && !d.matches("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B"))
                    .toList();
            if (!wrong.isEmpty()) {
                errors.reject(
                        "departements",
                        "Département(s) inconnu(s) : " + String.join(", ", wrong) + " (attendu 01 à 95, 2A, 2B).");
            }
        }
        Integer quota = integer(weeklyQuota);
        if (weeklyQuota.isEmpty()) {
            errors.reject("weekly_quota", "Le quota hebdomadaire est obligatoire.");
        } else if (quota == null || quota < 0) {
            errors.reject("weekly_quota", "Le quota hebdomadaire doit être un nombre entier positif ou nul.");
        }
        if (deliveryDays.isEmpty()) {
            errors.reject("delivery_days", "Cochez au moins un jour de livraison.");
        } else if (!Labels.DAYS.keySet().containsAll(deliveryDays)) {
            errors.reject("delivery_days", "Jour de livraison inconnu.");
        }
        Integer lb = integer(lbMaxPercent);
        if (!lbMaxPercent.isEmpty() && (lb == null || lb < 0 || lb > 100)) {
            errors.reject("lb_max_percent", "La part LB maximale doit être un entier entre 0 et 100.");
        }
        if (!priority.isEmpty() && integer(priority) == null) {
            errors.reject("priority", "La priorité doit être un nombre entier (1 = servie en premier).");
        }
        LocalDate start = date(startsOn, "starts_on", "La date de début", errors);
        LocalDate end = date(endsOn, "ends_on", "La date de fin", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("ends_on", "La date de fin est antérieure à la date de début.");
        }
        return errors;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", entity);
        body.put("client_id", clientId);
        body.put("product", product);
        body.put("departements", departementList());
        body.put("weekly_quota", integer(weeklyQuota));
        body.put("delivery_days", new ArrayList<>(deliveryDays));
        body.put("lb_max_percent", lbMaxPercent.isEmpty() ? 0 : integer(lbMaxPercent));
        body.put("priority", priority.isEmpty() ? 1 : integer(priority));
        body.put("allow_cross_entity", allowCrossEntity);
        body.put("starts_on", startsOn.isEmpty() ? null : startsOn);
        body.put("ends_on", endsOn.isEmpty() ? null : endsOn);
        body.put("active", active);
        return body;
    }

    public boolean hasDay(String day) {
        return deliveryDays.contains(day);
    }

    private static LocalDate date(String text, String field, String what, FieldErrors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.reject(field, what + " doit être une date (AAAA-MM-JJ).");
            return null;
        }
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
