package fr.rdz.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the sample landing pages (src/test/resources/pages) with the generated tracking scripts pasted in. */
final class PageServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> placeholders = new ConcurrentHashMap<>();

    private PageServer(HttpServer server) {
        this.server = server;
    }

    static PageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PageServer pages = new PageServer(server);
            server.createContext("/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring(1);
                try (InputStream in = PageServer.class.getResourceAsStream("/pages/" + name)) {
                    if (in == null || name.contains("..")) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (var e : pages.placeholders.entrySet()) {
                        html = html.replace("{{" + e.getKey() + "}}", e.getValue());
                    }
                    byte[] body = html.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PageServer with(String placeholder, String value) {
        placeholders.put(placeholder, value);
        return this;
    }

    /** Pages are served as http://localhost:port — the same site as the services, as a real deployment's subdomains. */
    String url(String page) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + page;
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
