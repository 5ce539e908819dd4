package fr.rdz.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>With several intake instances ({@link #balanced}) the clients behave like a landing page behind a load
 * balancer: a submission not answered (connection refused, reset or timed out, {@code 502}/{@code 503}/{@code
 * 504}) is sent again, with the same body and {@code submission_id}, to the next instance, each instance
 * tried once. Intake answers a retry of a submission it already stored {@code 200} with the original lead id
 * (nothing stored twice), which counts as answered. {@link #unanswered()} counts the submissions that no
 * instance answered.
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
    /** The instances behind the load balancer, each tried once per submission; null: {@link #intakeUrl}, no retry. */
    private final List<String> instances;

    private final AtomicInteger nextInstance = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private final Semaphore budget = new Semaphore(0);
    /** lead id → phone of every lead answered 201. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    /** Submissions sent again to another instance, and those answered 2xx after such a retry. */
    private final AtomicInteger retried = new AtomicInteger();

    private final AtomicInteger answeredOnRetry = new AtomicInteger();
    /** Submissions that no instance answered (after the retries). */
    private final AtomicInteger unanswered = new AtomicInteger();
    /** When each submission answered 2xx was first sent, and when it was answered. */
    private final List<Instant[]> answerTimes = java.util.Collections.synchronizedList(new ArrayList<>());

    private volatile boolean stopped;
    /** Run by the client that completes submission number {@link #lastOf}; null: nothing. */
    private final Runnable afterLast;

    private final int lastOf;

    private LeadLoad(Form form, Supplier<String> intakeUrl, List<String> instances) {
        this(form, intakeUrl, instances, null, 0);
    }

    private LeadLoad(Form form, Supplier<String> intakeUrl, List<String> instances, Runnable afterLast, int lastOf) {
        this.form = form;
        this.intakeUrl = intakeUrl;
        this.instances = instances == null ? null : List.copyOf(instances);
        this.afterLast = afterLast;
        this.lastOf = lastOf;
    }

    /** A load without client threads: {@link #submit()} one lead at a time. */
    static LeadLoad single(Form form, Supplier<String> intakeUrl) {
        return new LeadLoad(form, intakeUrl, null);
    }

    /** @param intakeUrl the intake to send the next lead to (no retry of a submission not answered) */
    static LeadLoad start(int clients, int submissions, Form form, Supplier<String> intakeUrl) {
        return start(new LeadLoad(form, intakeUrl, null), clients, submissions);
    }

    /**
     * As {@link #start(int, int, Form, Supplier)}, and {@code afterLast} is run at once by the client that got
     * the last of the {@code submissions} answers (e.g. a kill right after a burst, before the leads are relayed).
     */
    static LeadLoad start(int clients, int submissions, Form form, Supplier<String> intakeUrl, Runnable afterLast) {
        return start(new LeadLoad(form, intakeUrl, null, afterLast, submissions), clients, submissions);
    }

    /**
     * Behind a load balancer: round robin over {@code intakeUrls}, a submission not answered sent again to the
     * next instance (each instance once; one instance: no retry).
     */
    static LeadLoad balanced(int clients, int submissions, Form form, List<String> intakeUrls) {
        return start(new LeadLoad(form, roundRobin(intakeUrls), intakeUrls), clients, submissions);
    }

    private static LeadLoad start(LeadLoad load, int clients, int submissions) {
        Form form = load.form;
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
                submitWithRetries();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                if (done.incrementAndGet() == lastOf && afterLast != null) {
                    afterLast.run();
                }
            }
        }
    }

    /** One submission, sent again to the next instance while not answered (each instance once). */
    private void submitWithRetries() throws InterruptedException {
        Submission submission = newSubmission();
        Instant sent = Instant.now();
        // round robin for the first attempt; a retry goes to the next instance, not to the one that failed
        int first = instances == null ? 0 : Math.floorMod(nextInstance.getAndIncrement(), instances.size());
        for (int attempt = 1; ; attempt++) {
            boolean last = instances == null || attempt >= instances.size();
            String intake =
                    instances == null ? intakeUrl.get() : instances.get((first + attempt - 1) % instances.size());
            if (attempt == 2) {
                retried.incrementAndGet();
            }
            try {
                int status = send(submission, intake).statusCode();
                if (status == 201 || status == 200) {
                    answerTimes.add(new Instant[] {sent, Instant.now()});
                    if (attempt > 1) {
                        answeredOnRetry.incrementAndGet();
                    }
                    return;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                } else if (status != 502 && status != 504) {
                    // a 4xx: answered, not a failure of the instance; no retry
                    otherAnswers.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                // refused, reset or timed out: not answered, nothing promised
                failures.incrementAndGet();
            }
            if (last) {
                unanswered.incrementAndGet();
                return;
            }
        }
    }

    /** One form submission: its body is the same on every retry. */
    private record Submission(String phone, String body, String forwardedFor) {}

    private Submission newSubmission() {
        int n = SEQUENCE.incrementAndGet();
        String phone = String.format("07%08d", PHONE_BASE + n);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("session_id", UUID.randomUUID().toString());
        // the tracking script's id of this submission, sent again on each retry: a retry is one lead
        lead.put("submission_id", UUID.randomUUID().toString());
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
        String body;
        try {
            body = JSON.writeValueAsString(lead);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Submission(phone, body, "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff));
    }

    /** Submits one lead to the next intake, once; records its id and phone when answered 201. */
    HttpResponse<String> submit() throws IOException, InterruptedException {
        return send(newSubmission(), intakeUrl.get());
    }

    /**
     * Sends {@code submission} to {@code intake}; records the lead id and phone of a {@code 201}, and of a
     * {@code 200} answering a retry of a submission already stored (the original lead).
     */
    private HttpResponse<String> send(Submission submission, String intake) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(intake + "/public/leads"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", submission.forwardedFor())
                        .POST(HttpRequest.BodyPublishers.ofString(submission.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
            String leadId = JSON.readTree(answer.body()).path("lead_id").asText();
            if (leadId.isBlank()) {
                throw new IllegalStateException(answer.statusCode() + " without lead_id: " + answer.body());
            }
            answered.put(leadId, submission.phone());
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

    /** Submissions made (each counted once, whatever its retries). */
    int sent() {
        return submitted.get();
    }

    /** Submissions that no instance answered, after the retries. */
    int unanswered() {
        return unanswered.get();
    }

    /** Submissions sent again to another instance. */
    int retried() {
        return retried.get();
    }

    /**
     * From {@code fault} until the first submission made after it was answered 2xx; empty when none was.
     */
    java.util.Optional<Duration> backAfter(Instant fault) {
        synchronized (answerTimes) {
            return answerTimes.stream()
                    .filter(t -> !t[0].isBefore(fault))
                    .map(t -> t[1])
                    .min(Instant::compareTo)
                    .map(answeredAt -> Duration.between(fault, answeredAt));
        }
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
                "%d sent, %d answered 2xx (%d after a retry on another intake, %d retried), %d finally unanswered;"
                        + " attempts: %d connection failures or timeouts, %d answers 503, %d other answers",
                submitted.get(),
                answered.size(),
                answeredOnRetry.get(),
                retried.get(),
                unanswered.get(),
                failures.get(),
                unavailable.get(),
                otherAnswers.get());
    }
}
