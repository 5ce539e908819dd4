package fr.rdz.intake.lead.domain;

import java.util.regex.Pattern;

/**
 * Whether an e-mail address can be handed to a buyer (issue 13 §10): one {@code @}, a local part of
 * the characters RFC 5322 allows unquoted (no space, no CR/LF, no {@code < > " ( ) , ; :}), at most
 * 64 characters, and a domain of at least two dot-separated DNS labels (letters, digits, inner
 * hyphens), 254 characters in all. Deliverability is not checked. A bad address never refuses the
 * lead: it is stored with the warning {@code EMAIL_INVALID} and kept out of the events.
 */
public final class EmailRule {

    public static final String WARNING = "EMAIL_INVALID";

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public boolean isValid(String email) {
        if (email == null || email.length() > 254) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@')) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return labels[labels.length - 1].chars().anyMatch(Character::isLetter);
    }
}
