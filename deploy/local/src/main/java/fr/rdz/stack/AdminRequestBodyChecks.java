package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every RDZ service's admin request bodies must show, written once: an OpenAPI document whose
 * request properties are snake_case, each documented admin request example accepted as documented, a
 * field the body does not know refused with a {@code 400} naming it (never ignored), and a body sent
 * half-way dropped within the read timeout without an error logged. Part of {@link
 * ServiceHealthChecks}, which each service's {@code ServiceHealthIT} implements.
 */
public interface AdminRequestBodyChecks {

    /** A client on the running service, without credentials. */
    WebTestClient web();

    /** Every check waits up to a minute: the first OpenAPI request builds the document, and a refused password is
     * hashed on purpose (several seconds each on a loaded machine). */
    default WebTestClient patient() {
        return web().mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    default void servesItsOpenApiDocument() {
        assertThat(apiDocs().get("openapi"))
                .as("the document's openapi version")
                .isNotNull();
    }

    /**
     * Values the service's documented examples cannot know (ids of things that must exist first),
     * by JSON property name; a service with such references overrides it (e.g. routing's client_id).
     */
    default Map<String, Object> realValues(WebTestClient admin) {
        return Map.of();
    }

    /** Every admin JSON body, as its OpenAPI document shows it (path → schema), for paths without variables. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> documentedAdminBodies(Map<String, Object> doc) {
        Map<String, Map<String, Object>> bodies = new TreeMap<>();
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> {
            if (!path.startsWith("/admin/") || path.contains("{")) {
                return;
            }
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) item).get("post");
            Map<String, Object> body = post == null ? null : (Map<String, Object>) post.get("requestBody");
            Map<String, Object> content = body == null ? null : (Map<String, Object>) body.get("content");
            Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
            if (json != null && json.get("schema") != null) {
                bodies.put(path, (Map<String, Object>) json.get("schema"));
            }
        });
        return bodies;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas")).get(name);
    }

    /** The example a schema documents: its own, or one built from its properties' examples. */
    @SuppressWarnings("unchecked")
    private static Object example(Map<String, Object> doc, Map<String, Object> schema) {
        schema = resolve(doc, schema);
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> example = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) properties).forEach((name, property) -> {
                Object value = example(doc, property);
                if (value != null && !Boolean.TRUE.equals(property.get("readOnly"))) {
                    example.put(name, value);
                }
            });
            return example;
        }
        if ("array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> items) {
            Object item = example(doc, (Map<String, Object>) items);
            return item == null ? null : List.of(item);
        }
        return null;
    }

    /** Each documented admin body's example (path → body), with the service's {@link #realValues} put in. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> documentedExamples(WebTestClient admin) {
        Map<String, Object> doc = apiDocs();
        Map<String, Object> real = realValues(admin);
        Map<String, Map<String, Object>> examples = new TreeMap<>();
        documentedAdminBodies(doc).forEach((path, schema) -> {
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) example(doc, schema));
            real.forEach((name, value) -> body.computeIfPresent(name, (k, v) -> value));
            examples.put(path, body);
        });
        return examples;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiDocs() {
        return patient()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient adminClient() {
        return web().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> h.setBasicAuth("admin", "test-admin"))
                .build();
    }

    /** The OpenAPI document names request properties as the JSON really is: snake_case. */
    @Test
    @SuppressWarnings("unchecked")
    default void documentsRequestBodiesInSnakeCase() {
        Map<String, Object> doc = apiDocs();
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) doc.getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        List<String> notSnake = new ArrayList<>();
        schemas.forEach((name, schema) -> ((Map<String, Object>)
                        ((Map<String, Object>) schema).getOrDefault("properties", Map.of()))
                .keySet().stream()
                        .filter(property -> !property.matches("[a-z0-9_]+"))
                        .forEach(property -> notSnake.add(name + "." + property)));
        assertThat(notSnake).as("properties not in snake_case").isEmpty();
    }

    /** Each documented admin request example, posted as documented, is accepted. */
    @Test
    default void acceptsEveryDocumentedAdminRequestExample() {
        WebTestClient admin = adminClient();
        documentedExamples(admin).forEach((path, body) -> {
            admin.post().uri(path).bodyValue(body).exchange().expectStatus().value(status -> assertThat(status)
                    .as("POST %s %s", path, body)
                    .isBetween(200, 299));
        });
    }

    /** A misspelt field (the camelCase Swagger once showed) is refused with 400 naming it, never ignored. */
    @Test
    @SuppressWarnings("unchecked")
    default void refusesUnknownFieldsOfEveryAdminBody() {
        WebTestClient admin = adminClient();
        documentedExamples(admin).forEach((path, body) -> {
            body.put("dryRun", true);
            body.put("colour", "blue");
            admin.post()
                    .uri(path)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[*].field")
                    .value(fields -> assertThat((List<String>) fields).containsExactly("dryRun", "colour"));
        });
    }

    /** An admin route that reads its request body: the first documented admin JSON body by default. */
    default String bodyReadingAdminPath() {
        List<String> paths = List.copyOf(documentedAdminBodies(apiDocs()).keySet());
        return paths.isEmpty() ? null : paths.get(0);
    }

    /**
     * A client that stops sending half-way through a body is dropped within the read timeout (10 s),
     * and that is no server error: nothing is logged at ERROR.
     */
    @Test
    default void dropsAHalfSentBodyQuicklyWithoutAnError(@Value("${local.server.port}") int port) throws Exception {
        String path = bodyReadingAdminPath();
        Assumptions.assumeTrue(path != null, "no admin route of this service reads a request body");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            String credentials =
                    java.util.Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"entity\":")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // whatever the server answers before closing
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        } finally {
            root.detachAppender(logs);
        }
        assertThat(List.copyOf(logs.list))
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }
}
