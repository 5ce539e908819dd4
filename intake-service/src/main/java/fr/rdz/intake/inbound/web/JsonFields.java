package fr.rdz.intake.inbound.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the fields of a public JSON body may hold: texts (a JSON string, or a number written as
 * one) up to a length, strict booleans ({@code true}/{@code false}/{@code null}, or the strings
 * {@code "true"}/{@code "false"} a form field gives: {@code 612345678} or {@code "oui"} is no consent), identifiers matching a pattern. {@link #check} lists every invalid field at once,
 * in French; fields not listed are ignored (pages may send more).
 */
public final class JsonFields {

    private sealed interface Rule permits Text, Bool {}

    private record Text(int maxLength, Pattern pattern, String patternMessage) implements Rule {}

    private record Bool() implements Rule {}

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    public JsonFields text(int maxLength, String... names) {
        for (String name : names) {
            rules.put(name, new Text(maxLength, null, null));
        }
        return this;
    }

    public JsonFields identifier(String name, int maxLength, Pattern pattern, String message) {
        rules.put(name, new Text(maxLength, pattern, message));
        return this;
    }

    public JsonFields bool(String... names) {
        for (String name : names) {
            rules.put(name, new Bool());
        }
        return this;
    }

    public List<ErrorAnswer.InvalidField> check(ObjectNode body) {
        List<ErrorAnswer.InvalidField> errors = new ArrayList<>();
        rules.forEach((name, rule) -> {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                return;
            }
            String problem = rule instanceof Text t
                    ? textProblem(value, t)
                    : isBoolean(value) ? null : "doit valoir true ou false";
            if (problem != null) {
                errors.add(new ErrorAnswer.InvalidField(name, problem));
            }
        });
        return errors;
    }

    /** {@code true}/{@code false}, also written as the strings a form field gives ({@code "true"}). */
    private static boolean isBoolean(JsonNode value) {
        return value.isBoolean()
                || (value.isTextual() && ("true".equals(value.asText()) || "false".equals(value.asText())));
    }

    private static String textProblem(JsonNode value, Text rule) {
        if (!value.isTextual() && !value.isNumber()) {
            return "doit être un texte";
        }
        String text = value.asText();
        if (text.length() > rule.maxLength()) {
            return "ne doit pas dépasser " + rule.maxLength() + " caractères";
        }
        if (rule.pattern() != null
                && !text.isEmpty()
                && !rule.pattern().matcher(text).matches()) {
            return rule.patternMessage();
        }
        return null;
    }
}
