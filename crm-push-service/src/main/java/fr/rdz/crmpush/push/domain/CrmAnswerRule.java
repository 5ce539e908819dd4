package fr.rdz.crmpush.push.domain;

import java.util.Locale;

/**
 * How a CRM answer maps to a verdict, exactly as the seed: 201 success; 200 whose body contains "doublon"
 * (any case) duplicate; 403 auth error; 400 validation error; 5xx retried; anything else failed.
 */
public final class CrmAnswerRule {

    private CrmAnswerRule() {}

    public static PushVerdict verdict(int status, String body) {
        if (status == 201) {
            return PushVerdict.SUCCESS;
        }
        if (status == 200 && body != null && body.toLowerCase(Locale.ROOT).contains("doublon")) {
            return PushVerdict.DUPLICATE;
        }
        if (status == 403) {
            return PushVerdict.AUTH_ERROR;
        }
        if (status == 400) {
            return PushVerdict.VALIDATION_ERROR;
        }
        if (status >= 500) {
            return PushVerdict.RETRY;
        }
        return PushVerdict.FAILED;
    }

    /** The reason written in the outcome for an answer: status and the start of the body (never a header). */
    public static String reason(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        return text.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + text;
    }
}
