package fr.rdz.console.pages.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation errors of one submitted page form, by field (the back ends' snake_case names),
 * plus the errors that belong to no field. Collects every error at once: the console's own checks
 * and the back end's refusal, read field by field from its answer (RFC 7807 problem details with a
 * list or map of invalid fields, or the services' {@code {status, error}} whose message names the field).
 */
public final class FieldErrors {

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> global = new ArrayList<>();

    public FieldErrors reject(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public FieldErrors rejectGlobal(String message) {
        global.add(message);
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty() && global.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages of a field joined for display, or {@code null} when it has none (templates test it). */
    public String of(String field) {
        List<String> messages = byField.get(field);
        return messages == null ? null : String.join(" ", messages);
    }

    public Map<String, List<String>> byField() {
        return byField;
    }

    public List<String> global() {
        return global;
    }

    /**
     * Reads a back end's refusal into field errors. {@code fields} are the names the page shows next
     * to an input; an error naming another field (or none) is kept as a global error.
     */
    @SuppressWarnings("unchecked")
    public static FieldErrors fromBackend(Map<String, Object> answer, Set<String> fields) {
        FieldErrors errors = new FieldErrors();
        if (answer == null) {
            return errors.rejectGlobal("Le service a refusé la demande.");
        }
        boolean listed = false;
        for (String key :
                List.of("errors", "invalid_params", "invalidParams", "field_errors", "fields", "violations")) {
            Object value = answer.get(key);
            if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    listed |= errors.addItem(item, fields);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Object v = e.getValue();
                    if (v instanceof Collection<?> messages) {
                        for (Object m : messages) {
                            errors.add(String.valueOf(e.getKey()), String.valueOf(m), fields);
                        }
                    } else {
                        errors.add(String.valueOf(e.getKey()), String.valueOf(v), fields);
                    }
                    listed = true;
                }
            }
        }
        if (!listed) {
            String message = firstText(answer, "detail", "error", "message", "title");
            if (message == null) {
                message = "Le service a refusé la demande.";
            }
            String field = fieldNamedIn(message, fields);
            if (field == null) {
                errors.rejectGlobal(message);
            } else {
                errors.reject(field, message);
            }
        }
        return errors;
    }

    private boolean addItem(Object item, Set<String> fields) {
        if (item instanceof Map<?, ?> map) {
            String field = firstText((Map<String, Object>) map, "field", "name", "pointer", "parameter", "property");
            String message = firstText((Map<String, Object>) map, "message", "reason", "detail", "error", "title");
            if (message == null) {
                message = "valeur refusée";
            }
            if (field == null) {
                field = fieldNamedIn(message, fields);
            }
            add(field, message, fields);
            return true;
        }
        if (item != null) {
            String text = item.toString();
            add(fieldNamedIn(text, fields), text, fields);
            return true;
        }
        return false;
    }

    private void add(String rawField, String message, Set<String> fields) {
        String field = normalise(rawField);
        if (field != null && fields.contains(field)) {
            reject(field, message);
        } else if (field != null && !field.isBlank()) {
            rejectGlobal(field + " : " + message);
        } else {
            rejectGlobal(message);
        }
    }

    /** {@code /weeklyQuota}, {@code emails[1]}, {@code body.weekly_quota} → {@code weekly_quota} / {@code emails}. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String field = raw.trim();
        if (field.startsWith("#")) {
            field = field.substring(1);
        }
        field = INDEX.matcher(field).replaceAll("");
        field = field.replaceAll("^/+", "").replaceAll("/\\d+(/|$)", "$1").replace('/', '.');
        int dot = field.lastIndexOf('.');
        if (dot >= 0 && dot < field.length() - 1) {
            field = field.substring(dot + 1);
        }
        Matcher m = CAMEL.matcher(field);
        return m.replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The page field a message is about: the one it starts with, else the first one it mentions. */
    static String fieldNamedIn(String message, Set<String> fields) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String field : fields) {
            Matcher m = Pattern.compile("(?<![a-z_])" + Pattern.quote(field) + "(?![a-z_])")
                    .matcher(lower);
            if (m.find() && m.start() < bestAt) {
                best = field;
                bestAt = m.start();
            }
        }
        return best;
    }

    private static String firstText(Map<String, Object> map, String... keys) {
        for (String key : keys) {
            Object v = map.get(key);
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return null;
    }
}
