package fr.rdz.routing.brief.application;

import fr.rdz.events.Entity;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the tracking brief needs beyond the catalog ({@code rdz.brief.*}).
 *
 * @param intakeUrl public URL of intake-service as the landing pages reach it
 * @param consentText consent text sent with every lead (the proof the buyer may be asked for)
 * @param redirectDelay how long the form page shows its answer before the redirect
 * @param entities per entity: GTM container, conversion target, legal text
 */
@ConfigurationProperties("rdz.brief")
public record BriefProperties(
        @DefaultValue("http://localhost:8081") String intakeUrl,
        @DefaultValue(
                        "J'accepte d'être recontacté(e) par téléphone et par e-mail par un conseiller au sujet de mon projet.")
                String consentText,
        @DefaultValue("400ms") java.time.Duration redirectDelay,
        @DefaultValue Map<Entity, EntityBrief> entities) {

    /**
     * @param gtmContainerId Google Tag Manager container ({@code GTM-XXXXXXX})
     * @param gtmConversion conversion target for {@code gtag('event', 'conversion', {send_to})}, optional
     * @param legalText legal notice shown under the form
     */
    public record EntityBrief(String gtmContainerId, String gtmConversion, String legalText) {}

    EntityBrief of(Entity entity) {
        return entities.getOrDefault(entity, new EntityBrief(null, null, null));
    }
}
