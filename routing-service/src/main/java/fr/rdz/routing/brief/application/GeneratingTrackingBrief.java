package fr.rdz.routing.brief.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.kit.Operator;
import fr.rdz.routing.brief.domain.BriefMode;
import fr.rdz.routing.brief.domain.TrackingBrief;
import fr.rdz.routing.brief.domain.TrackingScript;
import fr.rdz.routing.catalog.application.Form;
import fr.rdz.routing.catalog.application.ManagingForms;
import fr.rdz.routing.consent.application.ManagingConsentTexts;
import fr.rdz.routing.consent.domain.ConsentText;
import fr.rdz.rules.LiaisonCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Generates, for one form, the scripts to paste into its landing page and form page (mode A) or
 * into a single page (mode B), and the mini brief, from the template {@code brief/rdz-tracking.js}.
 */
@Service
public class GeneratingTrackingBrief {

    private final ManagingForms forms;
    private final BriefProperties properties;
    private final TrackingScript script;
    private final ManagingConsentTexts consentTexts;

    public GeneratingTrackingBrief(
            ManagingForms forms, BriefProperties properties, ObjectMapper mapper, ManagingConsentTexts consentTexts) {
        this.forms = forms;
        this.consentTexts = consentTexts;
        this.properties = properties;
        // the configuration is a map: its keys are written as they are (no naming strategy applies)
        this.script = new TrackingScript(template(), config -> {
            try {
                return mapper.writeValueAsString(config);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Mono<TrackingBrief> brief(Operator operator, String formCode, BriefMode mode) {
        return forms.form(operator, formCode).flatMap(form -> consentTexts
                .byVersion(form.consentTextVersion())
                .map(text -> brief(form, mode, text))
                .switchIfEmpty(Mono.fromSupplier(() -> brief(form, mode, null))));
    }

    TrackingBrief brief(Form form, BriefMode mode) {
        return brief(form, mode, null);
    }

    /** With the form's consent text (null: none named): its exact wording and version go into the scripts. */
    TrackingBrief brief(Form form, BriefMode mode, ConsentText consentText) {
        String lpCode = form.lpCode() == null ? "" : form.lpCode();
        String liaison = LiaisonCode.of(lpCode, form.code());
        BriefProperties.EntityBrief entity = properties.of(form.entity());
        String label = form.entity() + " " + form.code() + (lpCode.isEmpty() ? "" : " / " + lpCode);
        String lpScript = null;
        String formScript = null;
        String integrated = null;
        if (mode == BriefMode.A) {
            lpScript = script.render(
                    label + " — script LP", config(form, lpCode, liaison, entity, TrackingScript.Part.LP, consentText));
            formScript = script.render(
                    label + " — script formulaire",
                    config(form, lpCode, liaison, entity, TrackingScript.Part.FORM, consentText));
        } else {
            integrated = script.render(
                    label + " — script intégré",
                    config(form, lpCode, liaison, entity, TrackingScript.Part.INTEGRATED, consentText));
        }
        return new TrackingBrief(
                form.code(),
                lpCode.isEmpty() ? null : lpCode,
                liaison,
                mode,
                properties.intakeUrl(),
                lpScript,
                formScript,
                integrated,
                new TrackingBrief.MiniBrief(
                        gtmHead(entity.gtmContainerId()),
                        gtmBody(entity.gtmContainerId()),
                        gtmConversion(entity.gtmConversion()),
                        consentText == null ? properties.consentText() : consentText.wording(),
                        entity.legalText(),
                        form.redirectUrl()));
    }

    private Map<String, Object> config(
            Form form,
            String lpCode,
            String liaison,
            BriefProperties.EntityBrief entity,
            TrackingScript.Part part,
            ConsentText consentText) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("part", part.wire());
        config.put("intake_url", stripTrailingSlash(properties.intakeUrl()));
        config.put("lp_code", lpCode);
        config.put("form_code", form.code());
        config.put("liaison_code", liaison);
        config.put("consent_text", consentText == null ? properties.consentText() : consentText.wording());
        if (consentText != null) {
            config.put("consent_text_version", consentText.version());
        }
        if (part != TrackingScript.Part.LP) {
            config.put("redirect_url", form.redirectUrl() == null ? "" : form.redirectUrl());
            config.put("redirect_delay_ms", properties.redirectDelay().toMillis());
            config.put("gtm_conversion", entity.gtmConversion() == null ? "" : entity.gtmConversion());
        }
        return config;
    }

    private static String gtmHead(String container) {
        if (container == null || container.isBlank()) {
            return null;
        }
        return "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':"
                + "new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),"
                + "dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
                + "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','" + container
                + "');</script>\n"
                + "<!-- End Google Tag Manager -->";
    }

    private static String gtmBody(String container) {
        if (container == null || container.isBlank()) {
            return null;
        }
        return "<!-- Google Tag Manager (noscript) -->\n<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id="
                + container
                + "\" height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>\n"
                + "<!-- End Google Tag Manager (noscript) -->";
    }

    private static String gtmConversion(String sendTo) {
        String trigger = "Chaque lead enregistré pousse dans le dataLayer l'événement 'rdz_lead' "
                + "(rdz_lead_id, rdz_form_code) : déclenchez la balise de conversion sur l'événement personnalisé rdz_lead.";
        return sendTo == null || sendTo.isBlank()
                ? trigger
                : trigger + " Si gtag est présent, la conversion " + sendTo + " est aussi envoyée directement.";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String template() {
        try (InputStream in = new ClassPathResource("brief/rdz-tracking.js").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("brief/rdz-tracking.js is missing from the classpath", e);
        }
    }
}
