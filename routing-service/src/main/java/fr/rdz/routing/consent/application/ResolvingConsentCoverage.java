package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadData;
import fr.rdz.events.Pii;
import fr.rdz.routing.catalog.application.Forms;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import fr.rdz.routing.shared.domain.BusinessTime;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds which clients a lead's consent covers: the text version the lead carries, else the one its
 * form names; the catalog text gives the partners. No version: unrestricted (legacy leads and forms
 * without a text keep today's behaviour). A version the catalog does not know: unrestricted and
 * flagged on the lead — intake never refuses a lead for it, and routing cannot prove a restriction
 * it does not know. A lead whose person withdrew their consent before it arrived is marked
 * withdrawn here, so routing keeps it out of distribution ({@link WithdrawingConsent}).
 */
@Service
public class ResolvingConsentCoverage {

    private final ConsentWithdrawals withdrawals;
    private final Forms forms;
    private final ManagingConsentTexts texts;

    public ResolvingConsentCoverage(ConsentWithdrawals withdrawals, Forms forms, ManagingConsentTexts texts) {
        this.withdrawals = withdrawals;
        this.forms = forms;
        this.texts = texts;
    }

    /**
     * The lead with its consent text version completed from its form when it came without one, and
     * the hash of that version's catalog wording (the proof a buyer receives names both).
     */
    public Mono<LeadData> withFormVersion(LeadData lead) {
        return withVersionAndHash(lead).flatMap(this::withWithdrawal);
    }

    /** The lead marked withdrawn when its person opposed before it arrived (one read by {@code _id}). */
    private Mono<LeadData> withWithdrawal(LeadData lead) {
        if (lead.phone() == null || (lead.consent() != null && lead.consent().withdrawn())) {
            return Mono.just(lead);
        }
        return withdrawals
                .withdrawnAt(Pii.phoneHash(lead.phone()))
                .map(withdrawnAt -> WithdrawingConsent.withdrawn(lead, withdrawnAt))
                .defaultIfEmpty(lead);
    }

    private Mono<LeadData> withVersionAndHash(LeadData lead) {
        ConsentProof consent = lead.consent();
        if (consent != null && notBlank(consent.consentTextVersion())) {
            return withHash(lead, consent.consentTextVersion());
        }
        String formCode = lead.source() == null ? null : lead.source().formCode();
        if (formCode == null) {
            return Mono.just(lead);
        }
        return forms.consentTextVersionOf(formCode)
                .filter(ResolvingConsentCoverage::notBlank)
                .flatMap(version -> withHash(lead, version))
                .defaultIfEmpty(lead);
    }

    /** The version and the hash of its catalog wording (null when the catalog does not know it: flagged later). */
    private Mono<LeadData> withHash(LeadData lead, String version) {
        return texts.byVersion(version.trim())
                .map(text -> withText(lead, version, text.hash()))
                .defaultIfEmpty(withText(lead, version, null));
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

    private static LeadData withText(LeadData lead, String version, String hash) {
        ConsentProof c = lead.consent();
        ConsentProof proof = c == null
                ? new ConsentProof(null, null, null, null, null, null, version, hash, null)
                : c.withText(version, hash);
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
