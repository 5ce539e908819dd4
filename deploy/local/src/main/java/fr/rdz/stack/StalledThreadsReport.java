package fr.rdz.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When a test fails on a timeout (a request with no answer, an Awaitility condition never met), dumps every thread
 * of the test JVM to {@code target/thread-dumps/} at that moment, and prints at the end of the run, just before
 * Maven's results, one line per such failure naming the event-loop, scheduler and Mongo-server threads that were
 * busy rather than idle: a thread blocked where it must never block shows there, even in a CI log's tail.
 *
 * <p>Registered for every module's tests through {@code META-INF/services}; it does nothing while tests pass.
 */
public final class StalledThreadsReport implements TestExecutionListener {

    private static final Pattern WATCHED = Pattern.compile(
            "reactor-http-nio.*|.*[Ee]ventLoopGroup.*|parallel-\\d+|boundedElastic-\\d+|mongo-server-worker.*");
    private static final List<String> IDLE_TOPS =
            List.of("EPoll.wait", "epollWait", "select0", "Unsafe.park", "Object.wait", "accept0", "Net.poll");

    private final List<String> report = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() || result.getStatus() != TestExecutionResult.Status.FAILED) {
            return;
        }
        Throwable failure = result.getThrowable().orElse(null);
        if (!timedOut(failure)) {
            return;
        }
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        String name = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .orElse(test.getDisplayName());
        Path file = write(name, threads);
        List<String> busy = threads.entrySet().stream()
                .filter(e -> WATCHED.matcher(e.getKey().getName()).matches())
                .filter(e -> busy(e.getValue()))
                .map(e -> e.getKey().getName() + " at " + interesting(e.getValue()))
                .sorted()
                .toList();
        long elastic = threads.keySet().stream()
                .filter(t -> t.getName().startsWith("boundedElastic-")
                        && !t.getName().contains("evictor"))
                .count();
        List<String> unread = socketsWithUnreadBytes();
        report.add("STALL " + name + ": " + busy.size() + " busy loop/scheduler threads (" + elastic
                + " boundedElastic workers), " + unread.size() + " socket(s) of this JVM with bytes received but not"
                + " read, dump " + file);
        busy.stream().limit(6).forEach(line -> report.add("STALL   " + line));
        unread.stream().limit(4).forEach(line -> report.add("STALL   unread: " + line));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        PrintStream out = System.out;
        report.forEach(out::println);
    }

    /**
     * The TCP sockets of this JVM whose receive queue holds bytes the process has not read ({@code ss}, Linux): a
     * request sitting there while every thread is idle was never read by the server (a connection nobody reads),
     * rather than read and lost in a reactive chain.
     */
    static List<String> socketsWithUnreadBytes() {
        String pid = "pid=" + ProcessHandle.current().pid() + ",";
        try {
            Process ss =
                    new ProcessBuilder("ss", "-tnpH").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            ss.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            return out.lines()
                    .filter(line -> line.contains(pid))
                    .filter(line -> {
                        String[] columns = line.trim().split("\\s+");
                        return columns.length > 1 && !"0".equals(columns[1]);
                    })
                    .map(line -> line.replaceAll("\\s+users:.*", ""))
                    .toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.getClass().getName() + " " + t.getMessage();
            if (text.contains("Timeout") || text.contains("timeout") || text.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return false;
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        return IDLE_TOPS.stream().noneMatch(top::contains) || mentionsOurCode(stack);
    }

    private static boolean mentionsOurCode(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("fr.rdz."));
    }

    private static String interesting(StackTraceElement[] stack) {
        List<StackTraceElement> ours = Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("fr.rdz.")
                        || f.getClassName().startsWith("org.apache.kafka.clients.producer")
                        || f.getClassName().startsWith("de.bwaldvogel"))
                .limit(2)
                .toList();
        List<StackTraceElement> shown = new ArrayList<>();
        shown.add(stack[0]);
        shown.addAll(ours);
        return shown.stream().map(StackTraceElement::toString).collect(Collectors.joining(" < "));
    }

    private static Path write(String name, Map<Thread, StackTraceElement[]> threads) {
        Path dir = Path.of("target", "thread-dumps");
        Path file = dir.resolve(
                name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + Instant.now().toEpochMilli() + ".txt");
        StringBuilder dump = new StringBuilder();
        threads.forEach((thread, stack) -> {
            dump.append('"')
                    .append(thread.getName())
                    .append("\" ")
                    .append(thread.getState())
                    .append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        });
        try {
            Files.createDirectories(dir);
            Files.writeString(file, dump);
        } catch (IOException e) {
            return Path.of("(not written: " + e.getMessage() + ")");
        }
        return file;
    }
}
