package fr.rdz.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The load generator of the kill and fault tests: client threads submitting leads through {@code POST
 * /public/leads}, one after the other, within a budget of submissions ({@link #allow}) until stopped,
 * each lead with its own session, phone and visitor address ({@code X-Forwarded-For}: the per-IP rate
 * limit stays on when intake trusts the local proxy). Every answer is recorded: the lead id and phone
 * of each {@code 201}, and the count of {@code 503}s, other answers and connection failures or timeouts
 * (not answered: nothing promised).
 */
final class LeadLoad {

    /** What the leads of one load look like. {@code lpCode} may be null. */
    record Form(String formCode, String lpCode, String codePostal, String label) {}

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Phones of this JVM: {@code 07} + 8 digits from a random base, one per lead. */
    private static final int PHONE_BASE =
            20_000_000 + ThreadLocalRandom.current().nextInt(50_000_000);

    private final Form form;
    private final Supplier<String> intakeUrl;
    private final List<Thread> clients = new ArrayList<>();
    private final Semaphore budget = new Semaphore(0);
    /** lead id → phone of every lead answered 201. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean stopped;

    private LeadLoad(Form form, Supplier<String> intakeUrl) {
        this.form = form;
        this.intakeUrl = intakeUrl;
    }

    /** A load without client threads: {@link #submit()} one lead at a time. */
    static LeadLoad single(Form form, Supplier<String> intakeUrl) {
        return new LeadLoad(form, intakeUrl);
    }

    /** @param intakeUrl the intake to send the next lead to (several instances: round robin) */
    static LeadLoad start(int clients, int submissions, Form form, Supplier<String> intakeUrl) {
        LeadLoad load = new LeadLoad(form, intakeUrl);
        load.budget.release(submissions);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(load::run, "lead-client-" + form.label() + "-" + c);
            load.clients.add(thread);
            thread.start();
        }
        return load;
    }

    /** Round robin over {@code urls}. */
    static Supplier<String> roundRobin(List<String> urls) {
        AtomicInteger next = new AtomicInteger();
        return () -> urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
    }

    private void run() {
        while (!stopped) {
            try {
                if (!budget.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            submitted.incrementAndGet();
            try {
                int status = submit().statusCode();
                if (status == 503) {
                    unavailable.incrementAndGet();
                } else if (status != 201) {
                    otherAnswers.incrementAndGet();
                }
            } catch (IOException e) {
                // refused, reset or timed out: not answered, nothing promised
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                done.incrementAndGet();
            }
        }
    }

    /** Submits one lead; records its id and phone when answered 201. */
    HttpResponse<String> submit() throws IOException, InterruptedException {
        int n = SEQUENCE.incrementAndGet();
        String phone = String.format("07%08d", PHONE_BASE + n);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("session_id", UUID.randomUUID().toString());
        lead.put("form_code", form.formCode());
        if (form.lpCode() != null) {
            lead.put("lp_code", form.lpCode());
        }
        lead.put("phone", phone);
        lead.put("nom", "Charge");
        lead.put("prenom", "Lead " + n);
        lead.put("email", "lead" + n + "@example.fr");
        lead.put("code_postal", form.codePostal());
        lead.put("rgpd_consent", true);
        lead.put("consent_text", "J'accepte d'être recontacté(e) par téléphone.");
        lead.put("page_url", "https://lp.example.fr/" + form.label() + "/form");
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(intakeUrl.get() + "/public/leads"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(lead)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201) {
            String leadId = JSON.readTree(answer.body()).path("lead_id").asText();
            if (leadId.isBlank()) {
                throw new IllegalStateException("201 without lead_id: " + answer.body());
            }
            answered.put(leadId, phone);
        }
        return answer;
    }

    /** {@link #submit()} for callers that cannot throw checked exceptions; a failure is not answered. */
    HttpResponse<String> submitQuietly() {
        try {
            return submit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every submission of the budget has been made. */
    boolean exhausted() {
        return budget.availablePermits() == 0;
    }

    /** Every submission of the budget has been made and answered (or failed). */
    boolean idle() {
        return exhausted() && done.get() == submitted.get();
    }

    /** Allows {@code submissions} more. */
    void allow(int submissions) {
        budget.release(submissions);
    }

    /** Stops submitting and waits for the requests in flight (their answers still count). */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Lead id → phone of every lead answered 201 so far. */
    Map<String, String> answered() {
        return Map.copyOf(answered);
    }

    int answeredCount() {
        return answered.size();
    }

    int failures() {
        return failures.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    int otherAnswers() {
        return otherAnswers.get();
    }

    @Override
    public String toString() {
        return String.format(
                "%d answered 201, %d connection failures or timeouts, %d answers 503, %d other answers",
                answered.size(), failures.get(), unavailable.get(), otherAnswers.get());
    }
}
