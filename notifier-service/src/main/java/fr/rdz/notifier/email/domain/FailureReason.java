package fr.rdz.notifier.email.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The reason of a failed send as it goes into the outcome event, the dead-letter headers and the
 * sent-mail record: the exception chain ({@code Type: message} of each distinct cause), e-mail
 * addresses masked, at most 500 characters. Never a password (the SMTP client never puts one in a
 * message).
 */
public final class FailureReason {

    static final int MAX_LENGTH = 500;

    private FailureReason() {}

    public static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(part)) {
                parts.add(part);
            }
        }
        return clean(String.join(" <- ", parts));
    }

    public static String clean(String reason) {
        if (reason == null) {
            return null;
        }
        String masked = reason.replaceAll("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)", "$1***@$2")
                .replaceAll("\\s+", " ")
                .trim();
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH - 1) + "…" : masked;
    }
}
