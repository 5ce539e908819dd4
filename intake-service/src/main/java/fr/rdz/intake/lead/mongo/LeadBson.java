package fr.rdz.intake.lead.mongo;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadSource;
import fr.rdz.intake.lead.application.LeadOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The documents of the submit path ({@link LeadDocument}, {@link OutboxEntryDocument}, {@link
 * SubmitGuardDocument}) written field by field, without Spring Data's reflective mapping (about 5 %
 * of intake's CPU per lead). The result is exactly what {@code MappingMongoConverter} writes (same
 * fields, order, BSON types, {@code _class} last; {@code LeadBsonTest} compares the bytes): fields
 * in record component order, a {@code null} field left out, an {@link Instant} as a BSON date
 * (milliseconds), an enum as its name, a nested record as a sub-document without {@code _class}. A
 * new field in one of these records must be added here too: the test fails until it is.
 */
final class LeadBson {

    private static final String TYPE_KEY = "_class";
    private static final String LEAD_TYPE = LeadDocument.class.getName();
    private static final String OUTBOX_TYPE = OutboxEntryDocument.class.getName();
    private static final String GUARD_TYPE = SubmitGuardDocument.class.getName();

    private final MongoConverter converter;

    /** @param converter converts the {@code _id} exactly as the mapping does (a valid ObjectId string becomes one) */
    LeadBson(MongoConverter converter) {
        this.converter = converter;
    }

    Document lead(LeadDocument lead) {
        Document d = new Document();
        d.put("_id", id(lead.id()));
        put(d, "status", lead.status());
        put(d, "origin", lead.origin());
        put(d, "sessionId", lead.sessionId());
        put(d, "phone", lead.phone());
        put(d, "receivedAt", lead.receivedAt());
        if (lead.received() != null) {
            d.put("received", received(lead.received()));
        }
        if (lead.outbox() != null) {
            d.put("outbox", outbox(lead.outbox()));
        }
        put(d, "warnings", lead.warnings());
        put(d, "invalidEmail", lead.invalidEmail());
        d.put(TYPE_KEY, LEAD_TYPE);
        return d;
    }

    Document outboxEntry(OutboxEntryDocument entry) {
        Document d = new Document();
        d.put("_id", id(entry.id()));
        put(d, "queuedAt", entry.queuedAt());
        put(d, "checkAt", entry.checkAt());
        d.put(TYPE_KEY, OUTBOX_TYPE);
        return d;
    }

    Document guard(SubmitGuardDocument guard) {
        Document d = new Document();
        d.put("_id", id(guard.id()));
        put(d, "leadId", guard.leadId());
        put(d, "at", guard.at());
        d.put(TYPE_KEY, GUARD_TYPE);
        return d;
    }

    private Object id(String id) {
        return id == null ? null : converter.convertId(id, ObjectId.class);
    }

    private static Document received(LeadReceived r) {
        Document d = new Document();
        if (r.lead() != null) {
            d.put("lead", data(r.lead()));
        }
        put(d, "status", r.status());
        put(d, "missingFields", r.missingFields());
        put(d, "originalLeadId", r.originalLeadId());
        put(d, "origin", r.origin());
        return d;
    }

    private static Document data(LeadData l) {
        Document d = new Document();
        put(d, "leadId", l.leadId());
        put(d, "receivedAt", l.receivedAt());
        put(d, "entity", l.entity());
        put(d, "product", l.product());
        if (l.contact() != null) {
            d.put("contact", contact(l.contact()));
        }
        if (l.project() != null) {
            d.put("project", project(l.project()));
        }
        if (l.source() != null) {
            d.put("source", source(l.source()));
        }
        if (l.consent() != null) {
            d.put("consent", consent(l.consent()));
        }
        return d;
    }

    private static Document contact(LeadContact c) {
        Document d = new Document();
        put(d, "phone", c.phone());
        put(d, "civilite", c.civilite());
        put(d, "nom", c.nom());
        put(d, "prenom", c.prenom());
        put(d, "email", c.email());
        put(d, "codePostal", c.codePostal());
        put(d, "departement", c.departement());
        put(d, "ville", c.ville());
        put(d, "adresse", c.adresse());
        return d;
    }

    private static Document project(LeadProject p) {
        Document d = new Document();
        put(d, "typeLogement", p.typeLogement());
        put(d, "statutOccupant", p.statutOccupant());
        put(d, "surfaceHabitable", p.surfaceHabitable());
        put(d, "anneeConstruction", p.anneeConstruction());
        put(d, "typeChauffage", p.typeChauffage());
        put(d, "factureElectricite", p.factureElectricite());
        put(d, "factureChauffage", p.factureChauffage());
        put(d, "typeProjet", p.typeProjet());
        put(d, "delaiProjet", p.delaiProjet());
        put(d, "budget", p.budget());
        put(d, "newsletter", p.newsletter());
        return d;
    }

    private static Document source(LeadSource s) {
        Document d = new Document();
        put(d, "sessionId", s.sessionId());
        put(d, "formCode", s.formCode());
        put(d, "lpCode", s.lpCode());
        put(d, "liaisonCode", s.liaisonCode());
        put(d, "utmSource", s.utmSource());
        put(d, "utmMedium", s.utmMedium());
        put(d, "utmCampaign", s.utmCampaign());
        put(d, "utmContent", s.utmContent());
        put(d, "utmTerm", s.utmTerm());
        put(d, "gclid", s.gclid());
        put(d, "fbclid", s.fbclid());
        put(d, "referrer", s.referrer());
        return d;
    }

    private static Document consent(ConsentProof c) {
        Document d = new Document();
        put(d, "rgpdConsent", c.rgpdConsent());
        put(d, "consentText", c.consentText());
        put(d, "pageUrl", c.pageUrl());
        put(d, "ip", c.ip());
        put(d, "userAgent", c.userAgent());
        put(d, "consentedAt", c.consentedAt());
        put(d, "consentTextVersion", c.consentTextVersion());
        put(d, "consentTextHash", c.consentTextHash());
        put(d, "withdrawnAt", c.withdrawnAt());
        return d;
    }

    private static Document outbox(LeadOutbox o) {
        Document d = new Document();
        put(d, "eventId", o.eventId());
        put(d, "occurredAt", o.occurredAt());
        put(d, "state", o.state());
        put(d, "publishedAt", o.publishedAt());
        return d;
    }

    private static void put(Document d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static void put(Document d, String key, Boolean value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static void put(Document d, String key, Instant value) {
        if (value != null) {
            d.put(key, Date.from(value));
        }
    }

    private static void put(Document d, String key, Enum<?> value) {
        if (value != null) {
            d.put(key, value.name());
        }
    }

    private static void put(Document d, String key, List<String> values) {
        if (values != null) {
            d.put(key, new ArrayList<Object>(values));
        }
    }
}
