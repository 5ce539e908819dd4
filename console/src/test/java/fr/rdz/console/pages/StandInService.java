package fr.rdz.console.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for one RDZ service in the console's page tests: it answers what
 * a test scripted for a method and path (the services' documented answers), and records every
 * request it got (method, path with query, body, Authorization) so a test can check what the
 * console sent on the operator's behalf. Unscripted requests answer 404 {@code {status, error}}.
 */
final class StandInService implements AutoCloseable {

    /** One request as received ({@code clientPort}: the console's end of the connection it came on). */
    record Received(String method, String path, String query, String body, String authorization, int clientPort) {}

    /** A scripted answer. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StandInService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query; decoded) with JSON. */
    StandInService on(String method, String path, int status, String json) {
        answers.put(method + " " + path, Answer.json(status, json));
        return this;
    }

    StandInService on(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    List<Received> received() {
        return received;
    }

    List<Received> received(String method, String path) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery() == null
                ? ""
                : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                exchange.getRequestMethod(),
                path,
                query,
                body,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRemoteAddress().getPort()));
        Answer answer = answers.getOrDefault(
                exchange.getRequestMethod() + " " + path, Answer.json(404, "{\"status\":404,\"error\":\"not found\"}"));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
