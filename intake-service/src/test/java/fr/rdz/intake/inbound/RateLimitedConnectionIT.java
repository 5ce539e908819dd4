package fr.rdz.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.intake.IntakeIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal answered before the request body is read (429 over the rate limit) leaves the keep-alive connection
 * usable: the next request on the same connection is answered, it does not wait for a body the server never read.
 */
class RateLimitedConnectionIT extends IntakeIntegrationTest {

    private static final String EVENT = "{\"session_id\":\"none\",\"event_type\":\"cta_click\"}";

    @LocalServerPort
    int port;

    @Test
    void answersEveryRequestOnAKeepAliveConnectionAfterA429() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.5"), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            // a request that hangs would fail here rather than block the build
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 24; i++) {
                byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /public/track/event HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                statuses.add(readResponse(in));
            }
        }
        assertThat(statuses).as("the budget of 20 is spent").contains(429);
        assertThat(statuses).as("every request on the connection is answered").hasSize(24);
    }

    /** Reads one HTTP/1.1 response (status line, headers, a Content-Length or chunked body); returns its status. */
    private static int readResponse(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        assertThat(statusLine).as("a status line").isNotNull().startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(in.readLine().trim(), 16);
                    size > 0;
                    size = Long.parseLong(in.readLine().trim(), 16)) {
                in.skip(size);
                in.readLine();
            }
            in.readLine();
        } else if (length > 0) {
            in.skip(length);
        }
        return status;
    }
}
