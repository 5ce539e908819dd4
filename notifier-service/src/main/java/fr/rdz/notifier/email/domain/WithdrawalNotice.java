package fr.rdz.notifier.email.domain;

import fr.rdz.events.Pii;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A client must be told that a person it received in the last 30 days withdrew their consent
 * (spec §11): the lead, the phone the client knows them by, when. Told by a paragraph added to the
 * client's next batch e-mail, in French, text and HTML.
 */
public record WithdrawalNotice(String leadId, String phone, Instant withdrawnAt) {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    static final String TITLE = "Retraits de consentement : ne plus démarcher ces contacts";

    /** The text paragraph telling {@code notices}, empty when there are none. */
    public static String text(List<WithdrawalNotice> notices) {
        if (notices.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\n").append(TITLE).append('\n');
        notices.forEach(n -> out.append("- ").append(n.line()).append('\n'));
        return out.toString();
    }

    /** The same paragraph in HTML, empty when there are none. */
    public static String html(List<WithdrawalNotice> notices) {
        if (notices.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h3>").append(escape(TITLE)).append("</h3><ul>");
        notices.forEach(n -> out.append("<li>").append(escape(n.line())).append("</li>"));
        return out.append("</ul>").toString();
    }

    /** The HTML body with the paragraph added before {@code </body>} (or at the end). */
    public static String appendHtml(String body, List<WithdrawalNotice> notices) {
        String paragraph = html(notices);
        if (paragraph.isEmpty()) {
            return body;
        }
        int end = body.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? body + paragraph : body.substring(0, end) + paragraph + body.substring(end);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    String line() {
        return phone + " (lead " + leadId + ") : consentement retiré le " + DATE.format(withdrawnAt)
                + ", ne plus l'appeler.";
    }

    @Override
    public String toString() {
        return "WithdrawalNotice[leadId=" + leadId + ", phone=" + Pii.maskPhone(phone) + ", withdrawnAt=" + withdrawnAt
                + "]";
    }
}
