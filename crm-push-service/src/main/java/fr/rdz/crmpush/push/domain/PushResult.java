package fr.rdz.crmpush.push.domain;

/**
 * The result of one push attempt: the verdict, a reason (no secret in it), and whether a request actually
 * left for the CRM (an open circuit or a full in-flight limit sends nothing and is not counted as an attempt).
 */
public record PushResult(PushVerdict verdict, String reason, Integer httpStatus, boolean requestSent) {

    public static PushResult answered(int status, String body) {
        PushVerdict verdict = CrmAnswerRule.verdict(status, body);
        return new PushResult(
                verdict, verdict == PushVerdict.SUCCESS ? null : CrmAnswerRule.reason(status, body), status, true);
    }

    public static PushResult retry(String reason, boolean requestSent) {
        return new PushResult(PushVerdict.RETRY, reason, null, requestSent);
    }

    public static PushResult failed(String reason) {
        return new PushResult(PushVerdict.FAILED, reason, null, false);
    }
}
