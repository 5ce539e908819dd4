package fr.rdz.notifier;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of one entity's account in the integration tests: a GreenMail server with that
 * account's user, on a port fixed for the JVM so that it can be stopped ("SMTP down") and started
 * again where the service expects it.
 */
public final class TestSmtp {

    private final int port;
    private final String login;
    private final String password;
    private final String email;
    private GreenMail greenMail;

    TestSmtp(String login, String password, String email) {
        this.port = freePort();
        this.login = login;
        this.password = password;
        this.email = email;
        start();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(email, login, password));
        server.start();
        greenMail = server;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** What this server received for one batch: one message per recipient mailbox. */
    public synchronized List<MimeMessage> messagesOf(String batchId) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> batchId.equals(header(m, "X-RDZ-Batch-Id")))
                .toList();
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
