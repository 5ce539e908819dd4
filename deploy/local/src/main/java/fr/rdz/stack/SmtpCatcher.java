package fr.rdz.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server that accepts every message (any login) and keeps each as an {@code .eml} file in
 * a folder, so an operator can open what RDZ sent with any mail reader.
 */
public final class SmtpCatcher implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path mailDir;
    private final ScheduledExecutorService writer;
    private int written;

    private SmtpCatcher(GreenMail greenMail, Path mailDir) {
        this.greenMail = greenMail;
        this.mailDir = mailDir;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-catcher-eml-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeNewMessages, 200, 200, TimeUnit.MILLISECONDS);
    }

    public static SmtpCatcher start(int port, Path mailDir) {
        try {
            Files.createDirectories(mailDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(Ports.orFree(port), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpCatcher(greenMail, mailDir);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public Path mailDir() {
        return mailDir;
    }

    private synchronized void writeNewMessages() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; written < messages.length; written++) {
            Path file = mailDir.resolve(
                    String.format("%s-%05d.eml", LocalDateTime.now().format(STAMP), written + 1));
            Path partial = mailDir.resolve(file.getFileName() + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    messages[written].writeTo(out);
                }
                // readers never see a half-written message
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | MessagingException e) {
                System.err.println("smtp-catcher: cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNewMessages();
        greenMail.stop();
    }
}
