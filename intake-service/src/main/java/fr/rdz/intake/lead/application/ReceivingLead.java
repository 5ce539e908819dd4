package fr.rdz.intake.lead.application;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadSource;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Pii;
import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.catalog.domain.CatalogForm;
import fr.rdz.intake.lead.domain.ClientSubmissionRule;
import fr.rdz.intake.lead.domain.DepartementFromPostalCode;
import fr.rdz.intake.lead.domain.DoubleSubmitRule;
import fr.rdz.intake.lead.domain.EmailRule;
import fr.rdz.intake.lead.domain.LeadAssessment;
import fr.rdz.intake.lead.domain.LeadStatusRule;
import fr.rdz.intake.lead.domain.LeadSubmission;
import fr.rdz.intake.lead.domain.MissingConsentCountsAsGiven;
import fr.rdz.intake.lead.domain.PhoneNumberRule;
import fr.rdz.intake.tracking.application.AttributingLeadToSession;
import fr.rdz.intake.tracking.application.SessionTouch;
import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.kit.logging.CorrelationScope;
import fr.rdz.rules.LiaisonCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Receiving a lead (spec §3, absolute rule): every submission is assessed, its outbox entry then the
 * lead (with its event and outbox state) are stored (majority writes) before the answer, then
 * relayed to Kafka. The same pipeline takes
 * imported original leads (spec §8), keeping their id and reception time.
 */
@Service
public class ReceivingLead {

    private static final Logger log = LoggerFactory.getLogger(ReceivingLead.class);
    /** The seed's landing pages only take house owners: it forced these two answers. */
    static final String TYPE_LOGEMENT = "maison";

    static final String STATUT_OCCUPANT = "proprietaire";

    private final Catalog catalog;
    private final AttributingLeadToSession visits;
    private final ReceivedLeads store;
    private final SubmitGuards guards;
    private final RelayingReceivedLeads relay;
    private final Clock clock;
    private final LeadMeters meters;
    private final LeadStatusRule rules = new LeadStatusRule(new PhoneNumberRule(), new DepartementFromPostalCode());
    private final DoubleSubmitRule doubleSubmit;
    private final EmailRule emails = new EmailRule();

    static final String EMAIL_INVALID_MESSAGE = "Lead enregistré - E-mail invalide";
    static final String ALREADY_RECEIVED = "ALREADY_RECEIVED";
    static final String ALREADY_RECEIVED_MESSAGE = "Lead déjà enregistré";

    public ReceivingLead(
            Catalog catalog,
            AttributingLeadToSession visits,
            ReceivedLeads store,
            SubmitGuards guards,
            RelayingReceivedLeads relay,
            Clock clock,
            LeadMeters meters) {
        this.meters = meters;
        this.catalog = catalog;
        this.visits = visits;
        this.store = store;
        this.guards = guards;
        this.relay = relay;
        this.clock = clock;
        this.doubleSubmit = new DoubleSubmitRule(clock);
    }

    /**
     * A lead posted by a landing page. With a client {@code submission_id}, a retry of a submission
     * already stored answers the original lead (200) and stores nothing.
     */
    public Mono<Reception> receive(LeadSubmission s, RequestOrigin origin) {
        Instant now = now();
        Optional<CatalogForm> form = catalog.form(s.formCode());
        LeadAssessment assessment = rules.assess(s, form.isPresent());
        boolean retriable = ClientSubmissionRule.isGiven(s.submissionId());
        String leadId = ClientSubmissionRule.leadId(s.submissionId(), assessment.phone());
        String guardKey =
                assessment.mayBeDoubleSubmit() ? DoubleSubmitRule.key(s.sessionId(), assessment.phone()) : null;
        Mono<Optional<String>> repeatOf = guardKey == null
                ? Mono.just(Optional.empty())
                : guards.claimGuard(guardKey, leadId, now, doubleSubmit.windowStart())
                        // the guard holds this very lead id: an earlier attempt of this submission, not a double click
                        .map(holder -> holder.filter(first -> !first.equals(leadId)));
        Mono<Optional<SessionTouch>> touch =
                visits.touch(s.sessionId()).map(Optional::of).defaultIfEmpty(Optional.empty());
        // the outbox entry first (in parallel with the guard and the session, so no added wait), the
        // lead only once the entry is durable: a lead is never stored without one (see ReceivedLeads)
        Mono<Boolean> queued = store.queueForPublication(leadId, now).thenReturn(true);
        return Mono.zip(repeatOf, touch, queued)
                .flatMap(found -> {
                    LeadAssessment verdict =
                            found.getT1().map(assessment::asDoubleSubmitOf).orElse(assessment);
                    StoredLead lead = document(
                            leadId, now, s, verdict, form, found.getT2(), origin, LeadReceived.ORIGIN_PUBLIC, now);
                    return store.insertSubmitted(lead).map(stored -> {
                        meters.received(stored.received().entity(), verdict.status());
                        if (!relay.relay(stored) && !stored.outbox().isPending()) {
                            // a double submit kept for audit: nothing to publish, its entry goes at once
                            store.unqueue(stored.id()).subscribe(null, e -> {
                                try (CorrelationScope ids = CorrelationScope.ofLead(leadId)) {
                                    log.debug("Outbox entry of {} left to the sweep: {}", leadId, e.toString());
                                }
                            });
                        }
                        if (found.getT2().isPresent()) {
                            visits.markConverted(
                                            s.sessionId(),
                                            verdict.status() == LeadStatus.DOUBLE_SUBMIT
                                                    ? verdict.originalLeadId()
                                                    : stored.id())
                                    .subscribe(null, e -> {
                                        try (CorrelationScope ids = CorrelationScope.ofLead(leadId)) {
                                            log.debug(
                                                    "Session {} not marked converted: {}", s.sessionId(), e.toString());
                                        }
                                    });
                        }
                        // the HTTP path has no consumed event: the lead id is put in the MDC here
                        try (CorrelationScope ids = CorrelationScope.ofLead(leadId)) {
                            log.debug(
                                    "Lead {} stored: status={} form={} phone={}",
                                    leadId,
                                    verdict.status(),
                                    s.formCode(),
                                    Pii.maskPhone(verdict.phone()));
                        }
                        boolean repeat = verdict.status() == LeadStatus.DOUBLE_SUBMIT;
                        // the e-mail rule ran once, in document(): its verdict is the stored lead's warning
                        boolean badEmail =
                                stored.warnings() != null && stored.warnings().contains(EmailRule.WARNING);
                        List<String> warnings = badEmail ? List.of(EmailRule.WARNING) : List.of();
                        return new Reception(
                                repeat ? verdict.originalLeadId() : leadId,
                                verdict.status(),
                                badEmail && verdict.warning() == null ? EMAIL_INVALID_MESSAGE : verdict.message(),
                                verdict.warning() != null ? verdict.warning() : badEmail ? EmailRule.WARNING : null,
                                warnings,
                                !repeat);
                    });
                })
                .onErrorResume(DuplicateKeyException.class, taken -> retriable ? replay(leadId) : Mono.error(taken));
    }

    /** A retried submission whose lead is already stored: the original answer, nothing stored. */
    private Mono<Reception> replay(String leadId) {
        return store.lead(leadId)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("lead " + leadId + " vanished")))
                .map(original -> {
                    boolean doubleSubmit = original.status() == LeadStatus.DOUBLE_SUBMIT;
                    try (CorrelationScope ids = CorrelationScope.ofLead(leadId)) {
                        log.info("Submission retried: lead {} already stored ({})", leadId, original.status());
                    }
                    return new Reception(
                            doubleSubmit ? original.received().originalLeadId() : original.id(),
                            original.status(),
                            ALREADY_RECEIVED_MESSAGE,
                            ALREADY_RECEIVED,
                            original.warnings() == null ? List.of() : original.warnings(),
                            false);
                });
    }

    private boolean emailAccepted(LeadSubmission s) {
        String email = text(s.email());
        return email == null || emails.isValid(email);
    }

    /** What happened to one imported lead. */
    public enum Imported {
        IMPORTED,
        ALREADY_PRESENT
    }

    /**
     * An original RDZ lead, through the same rules, keeping its id and reception time; one already
     * imported (same id) is left as it is, so importing a file twice creates nothing new.
     */
    public Mono<Imported> receiveImported(
            LeadSubmission s, String leadId, Instant receivedAt, RequestOrigin origin, String doubleSubmitOf) {
        Optional<CatalogForm> form = catalog.form(s.formCode());
        LeadAssessment assessment = rules.assess(s, form.isPresent());
        if (doubleSubmitOf != null && assessment.mayBeDoubleSubmit()) {
            assessment = assessment.asDoubleSubmitOf(doubleSubmitOf);
        }
        StoredLead lead = document(
                leadId,
                receivedAt.truncatedTo(ChronoUnit.MILLIS),
                s,
                assessment,
                form,
                Optional.empty(),
                origin,
                LeadReceived.ORIGIN_IMPORT,
                now());
        // an id already imported is answered by an _id lookup, without queueing anything
        Mono<Void> queued = lead.outbox().isPending()
                ? this.store.queueForPublication(leadId, lead.outbox().occurredAt())
                : Mono.empty();
        Mono<Imported> store = queued.then(this.store.insert(lead))
                .doOnNext(stored -> {
                    if (!relay.relay(stored) && !stored.outbox().isPending()) {
                        this.store.unqueue(stored.id()).subscribe(null, e -> {});
                    }
                })
                .doOnNext(stored -> meters.received(stored.received().entity(), stored.status()))
                .thenReturn(Imported.IMPORTED)
                .onErrorReturn(DuplicateKeyException.class, Imported.ALREADY_PRESENT);
        return this.store.lead(leadId).map(present -> Imported.ALREADY_PRESENT).switchIfEmpty(store);
    }

    private StoredLead document(
            String leadId,
            Instant receivedAt,
            LeadSubmission s,
            LeadAssessment a,
            Optional<CatalogForm> form,
            Optional<SessionTouch> touch,
            RequestOrigin origin,
            String originName,
            Instant now) {
        Attribution attribution = new Attribution(
                        s.utmSource(),
                        s.utmMedium(),
                        s.utmCampaign(),
                        s.utmContent(),
                        s.utmTerm(),
                        s.gclid(),
                        s.fbclid())
                .submittedOver(touch.map(SessionTouch::attribution).orElse(Attribution.NONE));
        boolean emailAccepted = emailAccepted(s);
        String formCode = text(s.formCode());
        String lpCode = or(text(s.lpCode()), touch.map(SessionTouch::lpCode).orElse(null));
        String liaison = or(text(s.liaisonCode()), LiaisonCode.of(lpCode, formCode));
        LeadData data = new LeadData(
                leadId,
                receivedAt,
                form.map(CatalogForm::entity).orElse(null),
                form.map(CatalogForm::product).orElse(null),
                new LeadContact(
                        a.phone(),
                        text(s.civilite()),
                        text(s.nom()),
                        text(s.prenom()),
                        emailAccepted ? text(s.email()) : null,
                        text(s.codePostal()),
                        a.departement(),
                        text(s.ville()),
                        text(s.adresse())),
                new LeadProject(
                        TYPE_LOGEMENT,
                        STATUT_OCCUPANT,
                        text(s.surfaceHabitable()),
                        text(s.anneeConstruction()),
                        text(s.typeChauffage()),
                        text(s.factureElectricite()),
                        text(s.factureChauffage()),
                        text(s.typeProjet()),
                        text(s.delaiProjet()),
                        text(s.budget()),
                        s.newsletter() != null ? s.newsletter() : Boolean.FALSE),
                new LeadSource(
                        text(s.sessionId()),
                        formCode,
                        lpCode,
                        liaison,
                        attribution.utmSource(),
                        attribution.utmMedium(),
                        attribution.utmCampaign(),
                        attribution.utmContent(),
                        attribution.utmTerm(),
                        attribution.gclid(),
                        attribution.fbclid(),
                        or(text(s.referrer()), touch.map(SessionTouch::referrer).orElse(null))),
                new ConsentProof(
                        MissingConsentCountsAsGiven.recorded(s.rgpdConsent()),
                        or(text(s.consentText()), text(s.consentVersion())),
                        text(s.pageUrl()),
                        text(origin.ip()),
                        text(origin.userAgent()),
                        receivedAt,
                        or(
                                text(s.consentTextVersion()),
                                form.map(CatalogForm::consentTextVersion).orElse(null))));
        LeadReceived received = new LeadReceived(data, a.status(), a.missingFields(), a.originalLeadId(), originName);
        boolean publish = a.status() != LeadStatus.DOUBLE_SUBMIT;
        LeadOutbox outbox = new LeadOutbox(
                UUID.randomUUID().toString(), now, publish ? LeadOutbox.PENDING : LeadOutbox.NOT_PUBLISHED, null);
        boolean badEmail = !emailAccepted;
        return store.newLead(
                leadId,
                a.status(),
                originName,
                text(s.sessionId()),
                a.phone(),
                receivedAt,
                received,
                outbox,
                badEmail ? List.of(EmailRule.WARNING) : null,
                badEmail ? s.email() : null);
    }

    /** Purges double-submit guards far older than their window (retention done by hand: no TTL locally). */
    public Mono<Long> purgeGuards() {
        return guards.purgeGuards(clock.instant().minus(Duration.ofHours(1)));
    }

    /** Mongo keeps milliseconds: the event sent right away and the one a sweep rebuilds from Mongo must be equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String or(String first, String second) {
        return first != null ? first : text(second);
    }
}
