package fr.rdz.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The services' logs as JSON lines (structured logging on): the lines where an id appears. */
final class JsonLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path logDir;

    JsonLogs(Path logDir) {
        this.logDir = logDir;
    }

    /**
     * The JSON lines of {@code instance}'s log where {@code id} is a field's value or inside the message.
     * Lines that are not JSON (a JVM's own output) are skipped.
     */
    List<JsonNode> linesWith(String instance, String id) {
        List<JsonNode> found = new ArrayList<>();
        Path log = logDir.resolve(instance.replace('#', '-') + ".log");
        try {
            for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (!line.startsWith("{") || !line.contains(id)) {
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (IOException notJson) {
                    continue;
                }
                if (json.path("message").asText().contains(id) || hasValue(json, id)) {
                    found.add(json);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean hasValue(JsonNode node, String id) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            JsonNode value = fields.next().getValue();
            if ((value.isTextual() && value.asText().equals(id)) || (value.isObject() && hasValue(value, id))) {
                return true;
            }
        }
        return false;
    }
}
