package fr.rdz.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client's CRM for the fault suite: {@code POST /lead/api/create_lead/} answered {@code 201}, every
 * request kept in arrival order with the answer it got. {@link #stall()} is a network stall: requests are
 * accepted and read, then held without any answer until {@link #resume()}, when their connections are
 * closed unanswered (the caller has timed out long before) — the CRM created nothing for them.
 */
final class FaultCrm implements AutoCloseable {

    /** Answer given: an HTTP status, or {@link #UNANSWERED}. */
    static final int UNANSWERED = -1;

    record Post(int sequence, String phone, int status) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<CountDownLatch> stall = new AtomicReference<>();

    private FaultCrm(HttpServer server) {
        this.server = server;
    }

    static FaultCrm start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            FaultCrm crm = new FaultCrm(server);
            server.createContext("/lead/api/create_lead/", crm::handle);
            server.setExecutor(crm.threads);
            server.start();
            return crm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = sequence.incrementAndGet();
        String phone = JSON.readTree(exchange.getRequestBody().readAllBytes())
                .path("phone")
                .asText();
        CountDownLatch stalled = stall.get();
        if (stalled != null) {
            posts.add(new Post(n, phone, UNANSWERED));
            try {
                stalled.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] answer = "{\"success\":true,\"message\":\"Lead créé\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // recorded before the answer leaves: the CRM has created the lead whatever happens to the caller
        posts.add(new Post(n, phone, 201));
        exchange.sendResponseHeaders(201, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** From now on requests get no answer (see the class comment). */
    void stall() {
        stall.set(new CountDownLatch(1));
    }

    /** Answers again; the requests held during the stall are closed unanswered. */
    void resume() {
        CountDownLatch stalled = stall.getAndSet(null);
        if (stalled != null) {
            stalled.countDown();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lead/api/create_lead/";
    }

    /** Every request so far, in arrival order. */
    List<Post> posts() {
        return posts.stream()
                .sorted(java.util.Comparator.comparingInt(Post::sequence))
                .toList();
    }

    @Override
    public void close() {
        resume();
        server.stop(0);
        threads.shutdownNow();
    }
}
