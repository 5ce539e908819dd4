package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.LeadData;
import fr.rdz.events.OutcomeStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CRM push carries the lead's proof of consent in custom_fields, through the broker to a stand-in CRM. */
class ConsentProofPushIT extends CrmPushIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "9f2b5c0d7e8a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4";

    private final MockWebServer crm = new MockWebServer();
    private final Map<String, String> bodiesByPhone = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                try {
                    String body = request.getBody().readUtf8();
                    bodiesByPhone.put(JSON.readTree(body).path("phone").asText(), body);
                    return new MockResponse()
                            .setResponseCode(201)
                            .setHeader("Content-Type", "application/json")
                            .setBody("{\"id\": 1, \"message\": \"Lead créé\"}");
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void thePushCarriesConsentTimeTextVersionHashAndASignedProofLink() throws Exception {
        String client = unique("c-proof");
        String batch = unique("b-proof");
        String leadId = batch + "-l1";
        LeadData sample = lead(leadId, "0644444441");
        ConsentProof c = sample.consent();
        LeadData withHash = new LeadData(
                sample.leadId(),
                sample.receivedAt(),
                sample.entity(),
                sample.product(),
                sample.contact(),
                sample.project(),
                sample.source(),
                c.withText(c.consentTextVersion(), HASH));
        Instant before = Instant.now();
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(withHash)));

        await().atMost(Duration.ofSeconds(60)).until(() -> bodiesByPhone.containsKey("0644444441"));
        JsonNode custom = JSON.readTree(bodiesByPhone.get("0644444441")).path("custom_fields");
        // the seed's fields are still there, the proof beside them
        assertThat(custom.path("liaison_code").path("value").asText()).isEqualTo("LP-001_PV-001");
        assertThat(custom.path("consent_at").path("value").asText()).isEqualTo("2026-11-19T14:02:11Z");
        assertThat(custom.path("consent_text_version").path("value").asText()).isEqualTo("CT-0001");
        assertThat(custom.path("consent_text_hash").path("value").asText()).isEqualTo(HASH);
        URI url = URI.create(custom.path("consent_proof_url").path("value").asText());
        assertThat(url.getScheme() + "://" + url.getHost()).isEqualTo("https://preuves.rdz.example");
        assertThat(url.getPath()).isEqualTo("/public/consent-proofs/" + leadId);
        Map<String, String> query = query(url);
        Instant expires = Instant.ofEpochSecond(Long.parseLong(query.get("expires")));
        assertThat(expires)
                .isBetween(
                        before.plus(Duration.ofDays(90)).minusSeconds(1),
                        Instant.now().plus(Duration.ofDays(90)));
        // routing verifies it with the shared key: valid now, for this lead only
        ConsentProofLink routing = new ConsentProofLink("test-proof-link-secret-0123456789abcdef");
        assertThat(routing.check(leadId, query.get("expires"), query.get("signature"), Instant.now()))
                .isEqualTo(ConsentProofLink.Check.VALID);
        assertThat(routing.check("another-lead", query.get("expires"), query.get("signature"), Instant.now()))
                .isEqualTo(ConsentProofLink.Check.INVALID);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }
}
