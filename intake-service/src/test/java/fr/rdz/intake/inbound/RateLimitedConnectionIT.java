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
 * A refusal over the rate limit (429) is answered once the request body is read, and closes its connection
 * ({@code Connection: close}, kit {@code RefusingARequest}): the client reads the 429 then the end of the
 * connection, never waits on it, and a new connection is
 * answered. Kept open, the connection could be left unread: reactor-netty 1.2 can stop reading a kept-alive
 * connection when the next request comes before the refused exchange ends (reactor-netty #4347), and this test
 * then waited 15 s for an answer in two full builds.
 */
class RateLimitedConnectionIT extends IntakeIntegrationTest {

    private static final String EVENT = "{\"session_id\":\"none\",\"event_type\":\"cta_click\"}";

    @LocalServerPort
    int port;

    @Test
    void answersEveryRequestAndClosesTheConnectionOfA429() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        Socket socket = connect();
        BufferedReader in = reader(socket);
        try {
            for (int i = 0; i < 24; i++) {
                OutputStream out = socket.getOutputStream();
                byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /public/track/event HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                Response response = readResponse(in);
                statuses.add(response.status());
                if (response.status() == 429) {
                    assertThat(response.connectionClose())
                            .as("a 429 says Connection: close")
                            .isTrue();
                    assertThat(in.read())
                            .as("and the server closes the connection")
                            .isEqualTo(-1);
                    socket.close();
                    socket = connect();
                    in = reader(socket);
                }
            }
        } finally {
            socket.close();
        }
        assertThat(statuses).as("the budget of 20 is spent").contains(429);
        assertThat(statuses).as("every request is answered").hasSize(24);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.5"), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        // a request that hangs would fail here rather than block the build
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    record Response(int status, boolean connectionClose) {}

    /** Reads one HTTP/1.1 response (status line, headers, a Content-Length or chunked body). */
    private static Response readResponse(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        assertThat(statusLine).as("a status line").isNotNull().startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
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
        return new Response(status, close);
    }
}
