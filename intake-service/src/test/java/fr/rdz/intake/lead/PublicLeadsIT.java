package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.support.LeadEvents;
import fr.rdz.intake.tracking.mongo.VisitorSessionDocument;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** {@code POST /public/leads} through the real path: HTTP → Mongo (stored before the answer) → outbox → Kafka. */
class PublicLeadsIT extends IntakeIntegrationTest {

    @BeforeEach
    void catalogKnowsTheForm() {
        knownForm();
    }

    @Test
    void storesAndPublishesAValidLeadAsPendingWithItsSessionAndConsentProof() {
        String sessionId = openSession();
        Map<String, Object> body = aLead();
        body.put("session_id", sessionId);
        body.put("phone", "+33 6 " + ((String) body.get("phone")).substring(2));
        String phone = "06" + ((String) body.get("phone")).substring(6);

        JsonNode answer = submit(body, HttpStatus.CREATED);

        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("status").asText()).isEqualTo("pending");
        assertThat(answer.path("stored").asBoolean()).isTrue();
        assertThat(answer.path("message").asText()).isEqualTo("Lead enregistré");
        assertThat(answer.has("warning")).isFalse();
        String leadId = answer.path("lead_id").asText();

        LeadDocument stored = storedLead(leadId);
        assertThat(stored.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(stored.phone()).isEqualTo(phone);

        LeadEvents.Read event = publishedEvent(leadId);
        LeadReceived received = event.envelope().payload();
        assertThat(event.key()).isEqualTo(phone);
        assertThat(event.envelope().eventId().toString())
                .isEqualTo(stored.outbox().eventId());
        assertThat(event.envelope().entity()).isEqualTo(Entity.ZR7);
        assertThat(event.envelope().producer()).isEqualTo("intake-service");
        assertThat(received.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(received.origin()).isEqualTo("public");
        assertThat(received.lead().product()).isEqualTo(Product.PV);
        assertThat(received.lead().departement()).isEqualTo("75");
        assertThat(received.lead().source().lpCode()).isEqualTo(LP);
        assertThat(received.lead().source().liaisonCode()).isEqualTo(LP + "_" + FORM);
        assertThat(received.lead().source().utmSource()).isEqualTo("google");
        assertThat(received.lead().source().gclid()).isEqualTo("gclid-1");
        assertThat(received.lead().consent().rgpdConsent()).isTrue();
        assertThat(received.lead().consent().consentText()).startsWith("J'accepte");
        assertThat(received.lead().consent().pageUrl()).isEqualTo("https://solaire.example.fr/formulaire");
        assertThat(received.lead().consent().ip()).startsWith("10.");
        assertThat(received.lead().consent().userAgent()).isEqualTo("Mozilla/5.0 (IT)");
        assertThat(received.lead().consent().consentedAt()).isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storedLead(leadId).outbox().state().equals(LeadOutbox.PUBLISHED));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            VisitorSessionDocument session =
                    mongo.findById(sessionId, VisitorSessionDocument.class).block();
            return "converted".equals(session.status()) && leadId.equals(session.leadId());
        });
    }

    @Test
    void storesAndPublishesAnInvalidPhone() {
        Map<String, Object> body = aLead();
        body.put("phone", "0102030405");

        JsonNode answer = submit(body, HttpStatus.CREATED);

        assertThat(answer.path("status").asText()).isEqualTo("invalid_phone");
        assertThat(answer.path("message").asText()).isEqualTo("Lead enregistré - Téléphone invalide");
        assertThat(answer.path("warning").asText()).isEqualTo("PHONE_INVALID");
        assertThat(answer.path("stored").asBoolean()).isTrue();
        String leadId = answer.path("lead_id").asText();
        assertThat(storedLead(leadId).status()).isEqualTo(LeadStatus.INVALID_PHONE);
        assertThat(publishedEvent(leadId).envelope().payload().status()).isEqualTo(LeadStatus.INVALID_PHONE);
    }

    @Test
    void storesAndPublishesALeadMissingRequiredFields() {
        Map<String, Object> body = aLead();
        body.remove("nom");
        body.put("code_postal", "97100");

        JsonNode answer = submit(body, HttpStatus.CREATED);

        assertThat(answer.path("status").asText()).isEqualTo("missing_required");
        assertThat(answer.path("message").asText()).isEqualTo("Lead enregistré - Champs manquants: nom, département");
        assertThat(answer.path("warning").asText()).isEqualTo("MISSING_REQUIRED");
        String leadId = answer.path("lead_id").asText();
        assertThat(storedLead(leadId).status()).isEqualTo(LeadStatus.MISSING_REQUIRED);
        LeadReceived event = publishedEvent(leadId).envelope().payload();
        assertThat(event.status()).isEqualTo(LeadStatus.MISSING_REQUIRED);
        assertThat(event.missingFields()).containsExactly("nom", "departement");
    }

    @Test
    void storesAndPublishesALeadOfAnUnknownFormAsOrphan() {
        Map<String, Object> body = aLead();
        body.put("form_code", "PV-UNKNOWN");

        JsonNode answer = submit(body, HttpStatus.CREATED);

        assertThat(answer.path("status").asText()).isEqualTo("orphan");
        assertThat(answer.path("message").asText()).isEqualTo("Lead enregistré - Formulaire non trouvé");
        assertThat(answer.path("warning").asText()).isEqualTo("FORM_NOT_FOUND");
        String leadId = answer.path("lead_id").asText();
        assertThat(storedLead(leadId).status()).isEqualTo(LeadStatus.ORPHAN);
        LeadEvents.Read event = publishedEvent(leadId);
        assertThat(event.envelope().payload().status()).isEqualTo(LeadStatus.ORPHAN);
        assertThat(event.envelope().payload().lead().entity()).isNull();
        assertThat(event.envelope().payload().lead().product()).isNull();
        assertThat(event.envelope().payload().lead().source().formCode()).isEqualTo("PV-UNKNOWN");
    }

    @Test
    void answersAConcurrentDoubleClickWithTheOriginalLeadAndPublishesOnlyTheOriginal() {
        Map<String, Object> body = aLead();
        String ip = anIp();

        List<EntityExchangeResult<JsonNode>> both = Flux.range(0, 2)
                .parallel(2)
                .runOn(Schedulers.boundedElastic())
                .map(i -> web.post()
                        .uri("/public/leads")
                        .header("X-Forwarded-For", ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectBody(JsonNode.class)
                        .returnResult())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(30));

        List<Integer> statuses = new ArrayList<>(
                both.stream().map(r -> r.getStatus().value()).sorted().toList());
        assertThat(statuses).containsExactly(200, 201);
        JsonNode first = both.stream()
                .filter(r -> r.getStatus().value() == 201)
                .findFirst()
                .orElseThrow()
                .getResponseBody();
        JsonNode repeat = both.stream()
                .filter(r -> r.getStatus().value() == 200)
                .findFirst()
                .orElseThrow()
                .getResponseBody();
        String original = first.path("lead_id").asText();
        assertThat(repeat.path("lead_id").asText()).isEqualTo(original);
        assertThat(repeat.path("status").asText()).isEqualTo("double_submit");
        assertThat(repeat.path("message").asText()).isEqualTo("Double soumission détectée - lead déjà créé");
        assertThat(repeat.path("warning").asText()).isEqualTo("DOUBLE_SUBMIT");
        assertThat(repeat.path("stored").asBoolean()).isTrue();

        List<LeadDocument> attempts = mongo.find(
                        Query.query(Criteria.where("sessionId").is(body.get("session_id"))), LeadDocument.class)
                .collectList()
                .block();
        assertThat(attempts).hasSize(2);
        LeadDocument audit = attempts.stream()
                .filter(l -> l.status() == LeadStatus.DOUBLE_SUBMIT)
                .findFirst()
                .orElseThrow();
        assertThat(audit.received().originalLeadId()).isEqualTo(original);
        assertThat(audit.outbox().state()).isEqualTo(LeadOutbox.NOT_PUBLISHED);

        publishedEvent(original);
        // a later lead is published after the attempt was stored: still no event for the attempt
        String later = submit(aLead(), HttpStatus.CREATED).path("lead_id").asText();
        publishedEvent(later);
        assertThat(events().forLead(audit.id())).isEmpty();
        assertThat(events().forLead(original)).hasSize(1);
    }

    @Test
    void theSameSessionAndPhoneAfterFiveSecondsIsANewLead() {
        Map<String, Object> body = aLead();
        String first = submit(body, HttpStatus.CREATED).path("lead_id").asText();

        clock.advance(Duration.ofSeconds(6));
        JsonNode again = submit(body, HttpStatus.CREATED);

        assertThat(again.path("status").asText()).isEqualTo("pending");
        assertThat(again.path("lead_id").asText()).isNotEqualTo(first);
    }

    @Test
    void acceptsJsonWithAMediaTypeSuffix() throws Exception {
        Map<String, Object> body = aLead();
        String json = EventCodec.mapper().writeValueAsString(body);

        JsonNode answer = web.post()
                .uri("/public/leads")
                .header("X-Forwarded-For", anIp())
                .contentType(MediaType.parseMediaType("application/vnd.rdz.lead+json;charset=UTF-8"))
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("status").asText()).isEqualTo("pending");
    }

    @Test
    void publishesLeadReceivedInTheShapeOfTheContract() throws Exception {
        String sessionId = openSession();
        Map<String, Object> body = aLead();
        body.put("session_id", sessionId);
        body.putAll(Map.of(
                "departement", "75",
                "adresse", "12 rue Oberkampf",
                "type_logement", "maison",
                "statut_occupant", "proprietaire",
                "surface_habitable", "120",
                "annee_construction", "1985",
                "type_chauffage", "fioul",
                "facture_electricite", "150",
                "facture_chauffage", "200",
                "type_projet", "installation"));
        body.putAll(Map.of(
                "delai_projet", "3 mois",
                "budget", "15000",
                "newsletter", false,
                "utm_content", "banner-a",
                "utm_term", "panneaux solaires",
                "referrer", "https://www.google.fr/",
                "consent_text_version", "CT-0001"));
        String leadId = submit(body, HttpStatus.CREATED).path("lead_id").asText();

        JsonNode produced = EventCodec.mapper()
                .readTree(EventCodec.encode(publishedEvent(leadId).envelope()));
        JsonNode contract;
        try (InputStream in = getClass().getResourceAsStream("/contracts/LeadReceived.v1.json")) {
            contract = EventCodec.mapper().readTree(in);
        }

        assertThat(paths(produced, "")).isEqualTo(paths(contract, ""));
    }

    private String openSession() {
        JsonNode session = post(
                        "/public/track/session",
                        Map.of(
                                "lp_code",
                                LP,
                                "utm_source",
                                "google",
                                "utm_medium",
                                "cpc",
                                "utm_campaign",
                                "solaire-idf",
                                "gclid",
                                "gclid-1"))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(session.path("form_code").asText()).isEqualTo(FORM);
        return session.path("session_id").asText();
    }

    private JsonNode submit(Map<String, Object> body, HttpStatus expected) {
        return post("/public/leads", body)
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private LeadDocument storedLead(String leadId) {
        LeadDocument lead = mongo.findById(leadId, LeadDocument.class).block(Duration.ofSeconds(10));
        assertThat(lead).as("lead %s in Mongo", leadId).isNotNull();
        return lead;
    }

    private static LeadEvents.Read publishedEvent(String leadId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events().forLead(leadId).isEmpty());
        return events().forLead(leadId).get(0);
    }

    /** Every field path of a JSON tree (array elements folded), to compare shapes rather than values. */
    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                paths.add(prefix + name);
                paths.addAll(paths(node.get(name), prefix + name + "."));
            }
        }
        return paths;
    }
}
