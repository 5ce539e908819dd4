package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each CRM answer of the seed maps to its outcome, through the real broker and a real HTTP server standing in for the CRM. */
class CrmAnswerMappingIT extends CrmPushIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer crm = new MockWebServer();
    private final Map<String, RecordedRequest> requestsByPhone = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                String phone;
                try {
                    phone = JSON.readTree(request.getBody().clone().readUtf8())
                            .path("phone")
                            .asText();
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(500);
                }
                requestsByPhone.put(phone, request);
                return switch (phone.substring(phone.length() - 1)) {
                    case "1" -> json(201, "{\"id\": 123, \"message\": \"Lead créé\"}");
                    case "2" -> json(200, "{\"message\": \"Doublon: ce lead existe déjà\"}");
                    case "3" -> json(400, "{\"error\": \"phone invalide\"}");
                    case "4" -> json(403, "{\"error\": \"token invalide\"}");
                    case "5" -> json(200, "{\"message\": \"ok\"}");
                    default -> json(404, "not found");
                };
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    @Test
    void mapsEveryCrmAnswerToItsOutcomeWithOnePostPerLead() throws Exception {
        String client = unique("c-map");
        String batch = unique("b-map");
        String url = crm.url("/lead/api/create_lead/").toString();
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                url,
                "crm_live_key_0123456789",
                List.of(
                        lead(batch + "-l1", "0611111111"),
                        lead(batch + "-l2", "0611111112"),
                        lead(batch + "-l3", "0611111113"),
                        lead(batch + "-l4", "0611111114"),
                        lead(batch + "-l5", "0611111115"),
                        lead(batch + "-l6", "0611111116"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> outcomesOf(client).size() >= 6);
        Map<String, DeliveryOutcome> byLead = outcomesOf(client).stream()
                .collect(Collectors.toMap(o -> o.leadIds().get(0), o -> o));
        assertThat(byLead.get(batch + "-l1").status()).isEqualTo(OutcomeStatus.SUCCESS);
        assertThat(byLead.get(batch + "-l2").status()).isEqualTo(OutcomeStatus.DUPLICATE);
        assertThat(byLead.get(batch + "-l3").status()).isEqualTo(OutcomeStatus.VALIDATION_ERROR);
        assertThat(byLead.get(batch + "-l4").status()).isEqualTo(OutcomeStatus.AUTH_ERROR);
        assertThat(byLead.get(batch + "-l5").status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(byLead.get(batch + "-l6").status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(byLead.values()).allSatisfy(o -> {
            assertThat(o.channel()).isEqualTo(OutcomeChannel.API);
            assertThat(o.attempts()).isEqualTo(1);
            assertThat(o.batchId()).isEqualTo(batch);
            assertThat(o.leadIds()).hasSize(1);
        });
        assertThat(byLead.get(batch + "-l3").reason()).contains("400").contains("phone invalide");

        await().atMost(Duration.ofSeconds(30)).until(() -> consumedAll(List.of(TASKS, Topics.DELIVERY_PLANNED)));
        assertThat(crm.getRequestCount()).isEqualTo(6);
        assertThat(outcomesOf(client)).hasSize(6);
    }

    @Test
    void postsTheSeedPayloadWithTheDecryptedKeyInAuthorization() throws Exception {
        String client = unique("c-payload");
        String batch = unique("b-payload");
        publish(batch(
                batch,
                client,
                DeliveryChannel.BOTH,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(lead(batch + "-l1", "0622222221"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> requestsByPhone.containsKey("0622222221"));
        RecordedRequest request = requestsByPhone.get("0622222221");
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/lead/api/create_lead/");
        assertThat(request.getHeader("Authorization")).isEqualTo("crm_live_key_0123456789");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.getBody().readUtf8());
        assertThat(body.path("phone").asText()).isEqualTo("0622222221");
        assertThat(body.path("register_date").asLong()).isEqualTo(1795096931L); // 2026-11-19T14:02:11Z
        assertThat(body.path("nom").asText()).isEqualTo("Martin");
        assertThat(body.path("prenom").asText()).isEqualTo("Éloïse");
        assertThat(body.path("email").asText()).isEqualTo("eloise.martin@example.fr");
        assertThat(body.path("civilite").asText()).isEqualTo("Mme");
        JsonNode custom = body.path("custom_fields");
        assertThat(custom.path("superficie_logement").path("value").asText()).isEqualTo("120");
        assertThat(custom.path("chauffage_actuel").path("value").asText()).isEqualTo("fioul");
        assertThat(custom.path("product_type").path("value").asText()).isEqualTo("PV");
        assertThat(custom.path("liaison_code").path("value").asText()).isEqualTo("LP-001_PV-001");
        assertThat(custom.path("departement").path("value").asText()).isEqualTo("75");
        assertThat(custom.has("surface_habitable")).isFalse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
    }

    @Test
    void ignoresBatchesOfEmailOnlyClients() throws Exception {
        String client = unique("c-email");
        publish(batch(
                unique("b-email"),
                client,
                DeliveryChannel.EMAIL,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(lead(unique("l"), "0633333331"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumedAll(List.of(Topics.DELIVERY_PLANNED, TASKS)));
        assertThat(crm.getRequestCount()).isZero();
        assertThat(outcomesOf(client)).isEmpty();
    }
}
