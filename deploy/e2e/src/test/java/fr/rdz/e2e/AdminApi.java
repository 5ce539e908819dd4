package fr.rdz.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** The operators' HTTP calls, as Swagger UI or a script would make them (HTTP Basic, snake_case JSON). */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization =
            "Basic " + Base64.getEncoder().encodeToString("admin:rdz-local-admin".getBytes(StandardCharsets.UTF_8));

    JsonNode post(String url, Object body) {
        return post(url, body, Duration.ofSeconds(30));
    }

    /** A POST whose answer may take long (a run of thousands of leads on a loaded machine). */
    JsonNode post(String url, Object body, Duration timeout) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(write(body))),
                timeout);
    }

    JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Duration.ofSeconds(30));
    }

    /**
     * Waits until delivery's pool holds these leads, seen through a dry run of {@code entity}'s run of
     * {@code date} that plans them all. Routing's answer that a lead is fresh comes before delivery has
     * read its {@code lead.routed}: a run launched in between rightly leaves the lead for a later day.
     */
    void awaitPlannable(String delivery, String entity, String date, String... leadIds) {
        Awaitility.await("delivery's " + entity + " run of " + date + " would deliver " + List.of(leadIds))
                .atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(
                        () -> plannedLeads(post(
                                delivery + "/admin/runs", Map.of("entity", entity, "date", date, "dry_run", true))),
                        planned -> planned.containsAll(List.of(leadIds)));
    }

    /** The ids of the leads a run's answer puts in its batches. */
    static List<String> plannedLeads(JsonNode run) {
        List<String> ids = new ArrayList<>();
        run.path("batches").forEach(batch -> batch.path("lead_ids").forEach(id -> ids.add(id.asText())));
        return ids;
    }

    private JsonNode send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> answer = http.send(
                    request.header("Authorization", authorization)
                            .timeout(timeout)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " → "
                        + answer.statusCode() + " " + answer.body());
            }
            return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
