package fr.rdz.routing.consent.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.rdz.events.EventCodec;
import fr.rdz.routing.consent.domain.ConsentProofPack;
import fr.rdz.routing.consent.domain.WordingHash;
import fr.rdz.routing.shared.domain.BusinessTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The two forms of a proof-of-consent pack: its JSON (the reference, compact, fields in a fixed
 * order) and a one-page French PDF of the same facts showing the SHA-256 of that JSON. Both are
 * pure functions of the pack: no clock, no random id — the PDF's dates are the lead's reception
 * time and its document id derives from the JSON hash — so two downloads are byte-identical.
 */
public final class ConsentProofDocuments {

    private static final ObjectMapper JSON =
            EventCodec.configure(JsonMapper.builder()).build();
    private static final ZoneId PARIS = BusinessTime.PARIS;
    private static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter.ofPattern(
                    "dd/MM/yyyy 'à' HH:mm:ss (XXX)", Locale.FRANCE)
            .withZone(PARIS);
    private static final float MARGIN = 50;
    private static final float MIN_FONT = 5.5f;

    private ConsentProofDocuments() {}

    /** The pack as JSON bytes (UTF-8). */
    public static byte[] json(ConsentProofPack pack) {
        try {
            return JSON.writeValueAsBytes(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A proof pack is always serialisable", e);
        }
    }

    /** The SHA-256 (hex) of the pack's JSON bytes: the hash printed on the PDF and sent as a header. */
    public static String hash(ConsentProofPack pack) {
        return WordingHash.of(new String(json(pack), StandardCharsets.UTF_8));
    }

    /** The one-page French PDF of the pack. */
    public static byte[] pdf(ConsentProofPack pack) {
        String hash = hash(pack);
        List<Line> lines = lines(pack, hash);
        try (PDDocument doc = new PDDocument()) {
            // standard 14 fonts: never embedded, so nothing machine-dependent lands in the file
            // (fonts keep caches: one instance per rendering, never shared between threads)
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float height = page.getMediaBox().getHeight() - 2 * MARGIN;
            // the largest font size at which everything fits on one page
            float size = 10;
            List<Placed> placed = layout(lines, regular, bold, size, width);
            while (placed.size() * size * 1.3f > height && size > MIN_FONT) {
                size -= 0.5f;
                placed = layout(lines, regular, bold, size, width);
            }
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                for (Placed p : placed) {
                    if (y < MARGIN) {
                        break;
                    }
                    float fontSize = p.title() ? size + 3 : size;
                    out.beginText();
                    out.setFont(p.bold() ? bold : regular, fontSize);
                    out.newLineAtOffset(MARGIN + p.indent(), y);
                    out.showText(p.text());
                    out.endText();
                    y -= fontSize * 1.3f;
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Preuve de consentement - lead " + pack.leadId());
            info.setSubject("SHA-256 du dossier JSON : " + hash);
            info.setProducer("RDZ routing-service");
            info.setCreator("RDZ");
            Calendar at = calendar(pack.receivedAt());
            info.setCreationDate(at);
            info.setModificationDate(at);
            byte[] id = HexFormat.of().parseHex(hash.substring(0, 32));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.setDocumentId(Long.parseUnsignedLong(hash.substring(0, 15), 16));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the proof PDF", e);
        }
    }

    private record Line(String text, boolean bold, boolean title, float indent) {}

    private record Placed(String text, boolean bold, boolean title, float indent) {}

    private static List<Line> lines(ConsentProofPack p, String hash) {
        List<Line> l = new ArrayList<>();
        l.add(new Line("Preuve de consentement au démarchage", true, true, 0));
        l.add(new Line(
                "Lead " + p.leadId() + " - entité " + or(p.entity()) + ", produit " + or(p.product()),
                false,
                false,
                0));
        l.add(new Line("", false, false, 0));
        l.add(new Line("Recueil", true, false, 0));
        l.add(field("Heure du serveur (réception)", time(p.receivedAt())));
        l.add(field("Heure du consentement", time(p.consentedAt())));
        l.add(field("Adresse IP", or(p.ip())));
        l.add(new Line(p.ipRule(), false, false, 12));
        l.add(field("Navigateur (user agent)", or(p.userAgent())));
        l.add(field("Page", or(p.pageUrl())));
        l.add(field(
                "Formulaire / LP / liaison", or(p.formCode()) + " / " + or(p.lpCode()) + " / " + or(p.liaisonCode())));
        l.add(new Line("", false, false, 0));
        l.add(new Line("Texte de consentement accepté", true, false, 0));
        ConsentProofPack.Text t = p.consentText();
        l.add(field("Version", or(t.version()) + (t.known() ? "" : " (inconnue du catalogue)")));
        l.add(field("SHA-256 du texte", or(t.hash())));
        l.add(new Line("Texte exact :", false, false, 0));
        l.add(new Line("« " + or(t.wording()) + " »", false, false, 12));
        l.add(new Line("", false, false, 0));
        l.add(new Line("Cases à cocher", true, false, 0));
        for (ConsentProofPack.Checkbox c : p.checkboxes()) {
            String state = c.checked() == null ? "non renseignée" : c.checked() ? "cochée" : "non cochée";
            l.add(new Line(
                    "[" + (Boolean.TRUE.equals(c.checked()) ? "X" : " ") + "] " + c.name() + " : " + state + " - "
                            + c.label(),
                    false,
                    false,
                    12));
        }
        l.add(new Line("", false, false, 0));
        l.add(new Line("Partenaires nommés", true, false, 0));
        if (p.partners().isEmpty() && p.partnerGroups().isEmpty()) {
            l.add(new Line("Aucun partenaire nommé par le texte.", false, false, 12));
        }
        for (ConsentProofPack.Partner partner : p.partners()) {
            l.add(new Line("- " + or(partner.name()) + " (client " + partner.clientId() + ")", false, false, 12));
        }
        for (ConsentProofPack.Group g : p.partnerGroups()) {
            l.add(new Line(
                    "- groupe " + g.name() + " : clients " + String.join(", ", g.clientIds()), false, false, 12));
        }
        if (p.withdrawnAt() != null) {
            l.add(new Line("", false, false, 0));
            l.add(new Line(
                    "Consentement retiré le " + time(p.withdrawnAt()) + " : ce contact ne doit plus être démarché.",
                    true,
                    false,
                    0));
        }
        if (p.personalDataErased()) {
            l.add(new Line("Données personnelles effacées (adresse IP et navigateur retirés).", false, false, 0));
        }
        l.add(new Line("", false, false, 0));
        l.add(field("Empreinte SHA-256 du dossier JSON", hash));
        l.add(new Line(
                "Format " + p.format() + ". Le dossier JSON téléchargé au même endroit a exactement cette "
                        + "empreinte.",
                false,
                false,
                0));
        return l;
    }

    private static Line field(String label, String value) {
        return new Line(label + " : " + value, false, false, 0);
    }

    private static List<Placed> layout(List<Line> lines, PDType1Font regular, PDType1Font bold, float size, float width)
            throws IOException {
        List<Placed> placed = new ArrayList<>();
        for (Line line : lines) {
            PDType1Font font = line.bold() ? bold : regular;
            float fontSize = line.title() ? size + 3 : size;
            float room = width - line.indent();
            for (String part : wrap(printable(line.text(), font), font, fontSize, room)) {
                placed.add(new Placed(part, line.bold(), line.title(), line.indent()));
            }
        }
        return placed;
    }

    /** Splits on spaces (and inside words too long for a line) so that each part fits {@code room}. */
    private static List<String> wrap(String text, PDType1Font font, float size, float room) throws IOException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= room) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                parts.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > room) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > room) {
                    cut--;
                }
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        parts.add(current.toString());
        return parts;
    }

    private static float width(String s, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** The text with every character the standard font cannot show replaced by '?' (never fails on input). */
    private static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String time(Instant at) {
        return at == null ? "non renseignée" : FRENCH_TIME.format(at) + " - " + at;
    }

    private static String or(String s) {
        return s == null || s.isBlank() ? "non renseigné" : s;
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(at == null ? 0 : at.toEpochMilli());
        return c;
    }
}
