package fr.rdz.routing.brief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingScriptTest {

    static final String TEMPLATE = "/* {{LABEL}} */\nvar C = /*RDZ_CONFIG*/ {};\n";

    static String json(Map<String, Object> config) {
        StringBuilder out = new StringBuilder("{");
        config.forEach(
                (k, v) -> out.append('"').append(k).append("\":\"").append(v).append("\","));
        return out.deleteCharAt(out.length() - 1).append('}').toString();
    }

    @Test
    void writesTheConfigurationIntoTheTemplateInsideAScriptTag() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("form_code", "PV-001");
        String script = new TrackingScript(TEMPLATE, TrackingScriptTest::json).render("ZR7 PV-001", config);
        assertThat(script).startsWith("<script>\n").endsWith("</script>");
        assertThat(script).contains("var C = {\"form_code\":\"PV-001\"};", "/* ZR7 PV-001 */");
    }

    @Test
    void aConfigurationValueCannotCloseTheScriptTagOrBreakTheLine() {
        Map<String, Object> config = Map.of("consent_text", "</script><script>alert(1)</script>\u2028");
        String script = new TrackingScript(TEMPLATE, TrackingScriptTest::json).render("x", config);
        assertThat(script.substring(0, script.length() - "</script>".length())).doesNotContain("</script>");
        assertThat(script).doesNotContain("\u2028").contains("<\\/script>", "\\u2028");
    }

    @Test
    void aLabelCannotEndTheLeadingComment() {
        String script = new TrackingScript(TEMPLATE, TrackingScriptTest::json).render("a */ alert(1) /*", Map.of());
        assertThat(script).contains("/* a * / alert(1) /* */");
    }

    @Test
    void refusesATemplateWithoutAConfigurationSlot() {
        assertThatThrownBy(() -> new TrackingScript("var C = {};", TrackingScriptTest::json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
