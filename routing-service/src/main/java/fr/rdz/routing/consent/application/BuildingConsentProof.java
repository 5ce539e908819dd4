package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadSource;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.application.Clients;
import fr.rdz.routing.consent.application.ConsentedLeads.ConsentedLead;
import fr.rdz.routing.consent.domain.ConsentProofPack;
import fr.rdz.routing.consent.domain.ConsentText;
import fr.rdz.routing.consent.domain.WordingHash;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles the proof-of-consent pack of a lead from routing's record of it (what intake stored:
 * server time, IP, browser, page, form and LP, checkboxes) and the immutable catalog text it names
 * (wording, hash, partners). Three reads by {@code _id}: the lead, its text, the named clients.
 */
@Service
public class BuildingConsentProof {

    static final String RGPD_LABEL =
            "J'accepte d'être contacté(e), y compris par téléphone, par les partenaires nommés ci-dessous.";
    static final String NEWSLETTER_LABEL = "J'accepte de recevoir la lettre d'information.";

    private final ConsentedLeads leads;
    private final Clients clients;
    private final ManagingConsentTexts texts;

    public BuildingConsentProof(ConsentedLeads leads, Clients clients, ManagingConsentTexts texts) {
        this.leads = leads;
        this.clients = clients;
        this.texts = texts;
    }

    /** The pack of a lead the operator may see (another entity's lead: 404, like every admin detail). */
    public Mono<ConsentProofPack> forOperator(Operator operator, String leadId) {
        return leads.lead(leadId)
                .filter(doc ->
                        doc.lead() != null && Scope.visible(operator, doc.lead().entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no lead " + leadId)))
                .flatMap(this::pack);
    }

    /** The pack of a lead whatever the caller (the signed public link was checked before); empty when unknown. */
    public Mono<ConsentProofPack> forLead(String leadId) {
        return leads.lead(leadId).filter(doc -> doc.lead() != null).flatMap(this::pack);
    }

    private Mono<ConsentProofPack> pack(ConsentedLead doc) {
        ConsentProof consent = doc.lead().consent();
        String version = consent == null ? null : consent.consentTextVersion();
        return texts.byVersion(version)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(text -> partners(text).map(names -> build(doc, text, names)));
    }

    private Mono<Map<String, String>> partners(Optional<ConsentText> text) {
        List<String> ids = text.map(t -> t.partnerClientIds()).orElse(List.of());
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return clients.namesOf(ids);
    }

    static ConsentProofPack build(ConsentedLead doc, Optional<ConsentText> text, Map<String, String> clientNames) {
        LeadData lead = doc.lead();
        ConsentProof consent = lead.consent();
        LeadSource source = lead.source();
        LeadProject project = lead.project();
        String version = consent == null ? null : consent.consentTextVersion();
        ConsentProofPack.Text accepted = text.map(
                        t -> new ConsentProofPack.Text(t.version(), t.hash(), t.wording(), true))
                .orElseGet(() -> {
                    String pageText = consent == null ? null : consent.consentText();
                    return new ConsentProofPack.Text(
                            version, pageText == null ? null : WordingHash.of(pageText), pageText, false);
                });
        List<ConsentProofPack.Checkbox> checkboxes = List.of(
                new ConsentProofPack.Checkbox(
                        "rgpd_consent", RGPD_LABEL, consent == null ? null : consent.rgpdConsent()),
                new ConsentProofPack.Checkbox(
                        "newsletter", NEWSLETTER_LABEL, project == null ? null : project.newsletter()));
        List<ConsentProofPack.Partner> partners = text.map(t -> t.partnerClientIds().stream()
                        .map(id -> new ConsentProofPack.Partner(id, clientNames.get(id)))
                        .toList())
                .orElse(List.of());
        List<ConsentProofPack.Group> groups = new ArrayList<>();
        text.ifPresent(t -> t.partnerGroups()
                .forEach(g -> groups.add(new ConsentProofPack.Group(g.name(), List.copyOf(g.clientIds())))));
        return new ConsentProofPack(
                ConsentProofPack.FORMAT,
                lead.leadId(),
                lead.entity() == null ? null : lead.entity().name(),
                lead.product() == null ? null : lead.product().name(),
                lead.receivedAt(),
                consent == null ? null : consent.consentedAt(),
                consent == null ? null : consent.ip(),
                ConsentProofPack.IP_RULE,
                consent == null ? null : consent.userAgent(),
                consent == null ? null : consent.pageUrl(),
                source == null ? null : source.formCode(),
                source == null ? null : source.lpCode(),
                source == null ? null : source.liaisonCode(),
                accepted,
                checkboxes,
                partners,
                List.copyOf(groups),
                consent == null ? null : consent.withdrawnAt(),
                doc.erased());
    }
}
