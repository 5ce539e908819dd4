package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadData;
import fr.rdz.routing.catalog.mongo.FormDocument;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import fr.rdz.routing.shared.domain.BusinessTime;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds which clients a lead's consent covers: the text version the lead carries, else the one its
 * form names; the catalog text gives the partners. No version: unrestricted (legacy leads and forms
 * without a text keep today's behaviour). A version the catalog does not know: unrestricted and
 * flagged on the lead — intake never refuses a lead for it, and routing cannot prove a restriction
 * it does not know.
 */
@Service
public class ResolvingConsentCoverage {

    private final ReactiveMongoTemplate mongo;
    private final ManagingConsentTexts texts;

    public ResolvingConsentCoverage(ReactiveMongoTemplate mongo, ManagingConsentTexts texts) {
        this.mongo = mongo;
        this.texts = texts;
    }

    /** The lead with its consent text version completed from its form when it came without one. */
    public Mono<LeadData> withFormVersion(LeadData lead) {
        ConsentProof consent = lead.consent();
        if (consent != null && notBlank(consent.consentTextVersion())) {
            return Mono.just(lead);
        }
        String formCode = lead.source() == null ? null : lead.source().formCode();
        if (formCode == null) {
            return Mono.just(lead);
        }
        return mongo.findById(formCode, FormDocument.class)
                .filter(f -> notBlank(f.consentTextVersion()))
                .map(f -> withVersion(lead, f.consentTextVersion()))
                .defaultIfEmpty(lead);
    }

    public Mono<ConsentCoverage> of(LeadData lead) {
        String version = lead.consent() == null ? null : lead.consent().consentTextVersion();
        if (!notBlank(version)) {
            return Mono.just(ConsentCoverage.unrestricted());
        }
        Instant at = lead.consent().consentedAt() != null ? lead.consent().consentedAt() : lead.receivedAt();
        return texts.byVersion(version)
                .map(text -> ConsentCoverage.of(text, at == null ? null : BusinessTime.dayOf(at)))
                .defaultIfEmpty(ConsentCoverage.unknown(version.trim()));
    }

    private static LeadData withVersion(LeadData lead, String version) {
        ConsentProof c = lead.consent();
        ConsentProof proof = c == null
                ? new ConsentProof(null, null, null, null, null, null, version)
                : new ConsentProof(
                        c.rgpdConsent(), c.consentText(), c.pageUrl(), c.ip(), c.userAgent(), c.consentedAt(), version);
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                lead.contact(),
                lead.project(),
                lead.source(),
                proof);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
