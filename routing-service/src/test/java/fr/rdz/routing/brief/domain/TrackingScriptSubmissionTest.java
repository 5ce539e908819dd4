package fr.rdz.routing.brief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated form script under Node with a fake browser (spec §12): one {@code submission_id} per
 * form submission, sent again on each retry after a network error or a 503, a new one for the next
 * submission. Skipped where no {@code node} is installed (the browser journey covers the rest).
 */
class TrackingScriptSubmissionTest {

    @TempDir
    Path dir;

    @Test
    void retriesAfterA503OrANetworkErrorWithTheSameSubmissionId() throws Exception {
        JsonNode run = run("503,0,201");

        List<String> ids = texts(run.path("posts"));
        assertThat(ids).hasSize(4);
        assertThat(ids.get(0)).matches("[A-Za-z0-9_-]{8,64}");
        assertThat(ids.subList(0, 3))
                .as("three attempts of the first submission")
                .containsOnly(ids.get(0));
        assertThat(ids.get(3)).as("the next submission").isNotEqualTo(ids.get(0));
        assertThat(run.path("first").path("success").asBoolean()).isTrue();
        assertThat(run.path("second").path("success").asBoolean()).isTrue();
    }

    @Test
    void givesUpAfterThreeRetriesAndAnswersTheLastRefusal() throws Exception {
        JsonNode run = run("503,503,503,503");

        assertThat(texts(run.path("posts")).subList(0, 4))
                .hasSize(4)
                .containsOnly(texts(run.path("posts")).get(0));
        assertThat(run.path("first").path("success").asBoolean()).isFalse();
        assertThat(run.path("first").path("http_status").asInt()).isEqualTo(503);
    }

    @Test
    void doesNotRetryARefusedBody() throws Exception {
        JsonNode run = run("400");

        assertThat(texts(run.path("posts"))).hasSize(2);
        assertThat(run.path("first").path("http_status").asInt()).isEqualTo(400);
    }

    private JsonNode run(String statuses) throws IOException, InterruptedException {
        assumeTrue(nodeAvailable(), "node is not installed");
        Path template = dir.resolve("rdz-tracking.js");
        Path harness = dir.resolve("submit-harness.js");
        copy("/brief/rdz-tracking.js", template);
        copy("/brief/submit-harness.js", harness);
        Process node = new ProcessBuilder("node", harness.toString(), template.toString(), statuses)
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(out).isZero();
        return new ObjectMapper()
                .readTree(out.strip().lines().reduce((a, b) -> b).orElse(""));
    }

    private void copy(String resource, Path to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.write(to, in.readAllBytes());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
