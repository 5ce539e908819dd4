package fr.rdz.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's CRM as the seed knows it: POST /lead/api/create_lead/ answering 201 (or the status set by
 * {@link #answer(int)}, e.g. a 503 while the CRM is down), every request kept.
 */
final class StandInCrm implements AutoCloseable {

    record Received(String authorization, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);

    private StandInCrm(HttpServer server) {
        this.server = server;
    }

    static StandInCrm start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StandInCrm crm = new StandInCrm(server);
            server.createContext("/lead/api/create_lead/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                crm.received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
                int code = crm.status.get();
                byte[] answer = (code < 300
                                ? "{\"success\":true,\"message\":\"Lead créé\"}"
                                : "{\"success\":false,\"message\":\"Service indisponible\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(code, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return crm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on every request is answered {@code code} (201: the lead is created). */
    void answer(int code) {
        status.set(code);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lead/api/create_lead/";
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
