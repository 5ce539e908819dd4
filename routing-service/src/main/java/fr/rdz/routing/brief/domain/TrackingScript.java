package fr.rdz.routing.brief.domain;

import java.util.Map;
import java.util.function.Function;

/**
 * One script tag to paste: the RDZ tracking template with its configuration (intake URL, codes,
 * consent text, redirect…) written in as a JSON object literal. The JSON is made safe for an
 * inline {@code <script>}: no {@code </}, no U+2028/U+2029 line separators.
 */
public final class TrackingScript {

    /** Which part of the template runs: the LP page, the form page, or both on one page. */
    public enum Part {
        LP("lp"),
        FORM("form"),
        INTEGRATED("integrated");

        private final String wire;

        Part(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    static final String CONFIG_SLOT = "/*RDZ_CONFIG*/ {}";
    static final String LABEL_SLOT = "{{LABEL}}";

    private final String template;
    private final Function<Map<String, Object>, String> json;

    /**
     * @param template the JavaScript template, holding {@value #CONFIG_SLOT} and {@value #LABEL_SLOT}
     * @param json how to write a map as a JSON object
     */
    public TrackingScript(String template, Function<Map<String, Object>, String> json) {
        if (!template.contains(CONFIG_SLOT)) {
            throw new IllegalArgumentException("tracking template has no configuration slot");
        }
        this.template = template;
        this.json = json;
    }

    public String render(String label, Map<String, Object> config) {
        String literal = json.apply(config)
                .replace("</", "<\\/")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
        String code = template.replace(LABEL_SLOT, label.replace("*/", "* /")).replace(CONFIG_SLOT, literal);
        return "<script>\n" + code + "</script>";
    }
}
