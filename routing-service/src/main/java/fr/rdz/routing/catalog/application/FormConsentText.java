package fr.rdz.routing.catalog.application;

import fr.rdz.events.Entity;
import fr.rdz.routing.consent.application.ManagingConsentTexts;
import fr.rdz.routing.shared.domain.RequestRejected;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A form may only name a consent text the catalog knows, of the form's own entity. */
@Component
public class FormConsentText {

    private final ManagingConsentTexts texts;

    public FormConsentText(ManagingConsentTexts texts) {
        this.texts = texts;
    }

    public Mono<Void> checkFormText(String version, Entity entity) {
        if (version == null || version.isBlank()) {
            return Mono.empty();
        }
        return texts.byVersion(version)
                .switchIfEmpty(Mono.error(() -> RequestRejected.invalid("unknown consent_text_version " + version)))
                .flatMap(t -> t.entity() == entity
                        ? Mono.<Void>empty()
                        : Mono.error(RequestRejected.invalid("consent text " + t.version() + " belongs to entity "
                                + t.entity() + ", not " + entity)));
    }
}
