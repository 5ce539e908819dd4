package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.LeadData;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12, issue 13 defect 1: a 5,000-lead batch comes as DeliveryPlanned parts (each under the broker's
 * limit); crm-push pushes each part's leads as they come: one POST per lead, 5,000 in all, to a real
 * HTTP server standing in for the client's CRM.
 */
class BigBatchPushIT extends CrmPushIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEADS = 5_000;
    private static final int PARTS = 12;

    private final MockWebServer crm = new MockWebServer();
    private final Map<String, AtomicInteger> postsByPhone = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                try {
                    String phone = JSON.readTree(request.getBody().readUtf8())
                            .path("phone")
                            .asText();
                    postsByPhone
                            .computeIfAbsent(phone, p -> new AtomicInteger())
                            .incrementAndGet();
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(500);
                }
                return new MockResponse()
                        .setResponseCode(201)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"id\": 1, \"message\": \"Lead créé\"}");
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void pushesEveryLeadOfEveryPartOfAFiveThousandLeadBatchOnce() throws Exception {
        String client = unique("c-big");
        String batchId = unique("b-big");
        List<LeadData> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(lead(batchId + "-" + i, String.format("076%07d", i)));
        }
        DeliveryPlanned whole = batch(
                batchId,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_big_key_0123456789",
                leads);
        int size = (LEADS + PARTS - 1) / PARTS;
        for (int p = 0; p < PARTS; p++) {
            publish(whole.asPart(
                    p + 1, PARTS, whole.leads().subList(p * size, Math.min(LEADS, (p + 1) * size)), LEADS));
        }

        Set<String> leadIds = leads.stream().map(LeadData::leadId).collect(Collectors.toSet());
        // the 5,000 pushes queue behind the test profile's 2-call bulkhead; each may wait for a slot as long as in
        // production (max-queue-wait), so none goes through the retries to the DLT and no operator replay is needed
        await().atMost(Duration.ofMinutes(8)).until(() -> settled(client, leadIds));
        assertThat(outcomesOf(client))
                .as("no push was dead-lettered")
                .noneMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED);
        assertThat(succeeded(client)).as("every lead of every part is pushed").isEqualTo(leadIds);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumedAll(List.of(TASKS, Topics.DELIVERY_PLANNED)));
        assertThat(postsByPhone).as("one POST per lead reached the CRM").hasSize(LEADS);
        assertThat(outcomesOf(client).stream()
                        .filter(o -> o.status() == OutcomeStatus.SUCCESS)
                        .count())
                .as("one success per lead")
                .isEqualTo(LEADS);
        assertThat(outcomesOf(client)).allSatisfy(o -> assertThat(o.batchId()).isEqualTo(batchId));
        long repeated = postsByPhone.values().stream().filter(n -> n.get() > 1).count();
        assertThat(crm.getRequestCount())
                .as("a POST is repeated only after a timeout (%d leads)", repeated)
                .isGreaterThanOrEqualTo(LEADS);
    }

    private static Set<String> succeeded(String client) {
        return outcomesOf(client).stream()
                .filter(o -> o.status() == OutcomeStatus.SUCCESS)
                .map(o -> o.leadIds().get(0))
                .collect(Collectors.toSet());
    }

    /** Every lead has a final outcome (pushed, or dead-lettered after its last retry). */
    private static boolean settled(String client, Set<String> leadIds) {
        Map<String, OutcomeStatus> last = new java.util.HashMap<>();
        for (DeliveryOutcome o : outcomesOf(client)) {
            last.put(o.leadIds().get(0), o.status());
        }
        return last.keySet().containsAll(leadIds) && last.values().stream().noneMatch(s -> s == OutcomeStatus.RETRYING);
    }
}
