package fr.rdz.routing;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadSource;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Object Mother of the events routing consumes, built from the contract samples (common-events test-jar). */
public final class Leads {

    private static final AtomicLong PHONES = new AtomicLong(612000000);

    private Leads() {}

    public static String aPhone() {
        return "0" + PHONES.incrementAndGet();
    }

    public static LeadData aLead(
            String phone, Entity entity, Product product, String formCode, String departement, Instant receivedAt) {
        LeadData sample = EventSamples.aLead();
        LeadContact c = sample.contact();
        LeadSource s = sample.source();
        return new LeadData(
                UUID.randomUUID().toString(),
                receivedAt,
                entity,
                product,
                new LeadContact(
                        phone,
                        c.civilite(),
                        c.nom(),
                        c.prenom(),
                        c.email(),
                        departement + "000",
                        departement,
                        c.ville(),
                        c.adresse()),
                sample.project(),
                new LeadSource(
                        s.sessionId(),
                        formCode,
                        s.lpCode(),
                        s.lpCode() + "_" + formCode,
                        s.utmSource(),
                        s.utmMedium(),
                        s.utmCampaign(),
                        s.utmContent(),
                        s.utmTerm(),
                        s.gclid(),
                        s.fbclid(),
                        s.referrer()),
                legacyConsent(sample.consent()));
    }

    /** The sample's proof without a catalog consent text version: a lead routed without consent restriction. */
    private static ConsentProof legacyConsent(ConsentProof c) {
        return new ConsentProof(c.rgpdConsent(), c.consentText(), c.pageUrl(), c.ip(), c.userAgent(), c.consentedAt());
    }

    /** The same lead with another name, e-mail and utm_campaign. */
    public static LeadData named(LeadData lead, String nom, String prenom, String email, String utmCampaign) {
        LeadContact c = lead.contact();
        LeadSource s = lead.source();
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                new LeadContact(
                        c.phone(),
                        c.civilite(),
                        nom,
                        prenom,
                        email,
                        c.codePostal(),
                        c.departement(),
                        c.ville(),
                        c.adresse()),
                lead.project(),
                new LeadSource(
                        s.sessionId(),
                        s.formCode(),
                        s.lpCode(),
                        s.liaisonCode(),
                        s.utmSource(),
                        s.utmMedium(),
                        utmCampaign,
                        s.utmContent(),
                        s.utmTerm(),
                        s.gclid(),
                        s.fbclid(),
                        s.referrer()),
                lead.consent());
    }

    public static Envelope<LeadReceived> received(LeadData lead, LeadStatus status, Instant at) {
        return Envelope.of(
                new LeadReceived(lead, status, List.of(), null, LeadReceived.ORIGIN_PUBLIC), "intake-service", at);
    }

    public static Envelope<LeadDelivered> delivered(LeadData lead, String clientId, String commandeId, Instant at) {
        return Envelope.of(
                new LeadDelivered(
                        lead.leadId(),
                        lead.phone(),
                        lead.product(),
                        lead.entity(),
                        lead.entity(),
                        clientId,
                        commandeId,
                        "b-" + UUID.randomUUID(),
                        "run-" + UUID.randomUUID(),
                        LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                        at,
                        LeadKind.FRESH,
                        false),
                "delivery-service",
                at);
    }
}
