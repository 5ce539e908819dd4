package fr.rdz.bench.intake;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadSource;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.tracking.mongo.TrackingEventDocument;
import fr.rdz.intake.tracking.mongo.VisitorLpSessionDocument;
import fr.rdz.intake.tracking.mongo.VisitorSessionDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pre-loads {@code N} stored, already published leads (the shape intake writes, mapped by the same
 * converter) into {@code rdz_intake.leads} of the Mongo wire server before a measure, so that
 * {@code run-intake.sh} can compare the cost per lead with an empty store and with a full one
 * ({@code PRELOAD=1000000}). Inserts in unordered batches of 1,000, four in flight.
 *
 * With a third argument {@code S}, also stores {@code S} visitor sessions (each with its
 * {@code visitor_lp_sessions} key) and {@code S} tracking events, for the tracking endpoints' figures
 * on a full store (issue 17: 5 sessions/tracking events per lead).
 *
 * <pre>java -cp … fr.rdz.bench.intake.PreloadLeads &lt;mongoPort&gt; &lt;count&gt; [sessions]</pre>
 */
public final class PreloadLeads {

    private static final int BATCH = 1000;

    private PreloadLeads() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        long count = Long.parseLong(args[1]);
        long sessions = args.length > 2 ? Long.parseLong(args[2]) : 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "rdz_intake");
            Instant start = Instant.now();
            Instant at = start.minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MILLIS);
            long batches = (count + BATCH - 1) / BATCH;
            Flux.range(0, (int) batches)
                    .flatMap(
                            b -> {
                                List<LeadDocument> leads = new ArrayList<>(BATCH);
                                for (long i = (long) b * BATCH; i < Math.min(count, (long) (b + 1) * BATCH); i++) {
                                    leads.add(lead(i, at.plusMillis(i * 30)));
                                }
                                return mongo.insertAll(leads).then(progress("leads", b, count));
                            },
                            4)
                    .then()
                    .block();
            Flux.range(0, (int) ((sessions + BATCH - 1) / BATCH))
                    .flatMap(
                            b -> {
                                List<VisitorSessionDocument> visits = new ArrayList<>(BATCH);
                                List<VisitorLpSessionDocument> keys = new ArrayList<>(BATCH);
                                List<TrackingEventDocument> events = new ArrayList<>(BATCH);
                                for (long i = (long) b * BATCH; i < Math.min(sessions, (long) (b + 1) * BATCH); i++) {
                                    Instant t = at.plusMillis(i * 6);
                                    visits.add(session(i, t));
                                    keys.add(new VisitorLpSessionDocument(
                                            "preload-visitor-" + i + "|LP-001", "preload-session-" + i, t));
                                    events.add(event(i, t));
                                }
                                return mongo.insertAll(visits)
                                        .thenMany(mongo.insertAll(keys))
                                        .thenMany(mongo.insertAll(events))
                                        .then(progress("sessions and events", b, sessions));
                            },
                            4)
                    .then()
                    .block();
            System.out.printf(
                    "PRELOADED %d leads, %d visitor sessions and %d tracking events in %d s%n",
                    count,
                    sessions,
                    sessions,
                    Duration.between(start, Instant.now()).toSeconds());
        }
    }

    /** Prints a line every 100,000 documents stored, so that a long pre-load shows it moves. */
    private static Mono<Void> progress(String what, long batch, long total) {
        return Mono.fromRunnable(() -> {
            long stored = Math.min(total, (batch + 1) * BATCH);
            if (stored % 100_000 == 0 || stored == total) {
                System.out.printf("%s %s: %d of %d%n", Instant.now(), what, stored, total);
            }
        });
    }

    static VisitorSessionDocument session(long i, Instant at) {
        return new VisitorSessionDocument(
                "preload-session-" + i,
                "preload-visitor-" + i,
                "LP-001",
                "PV-001",
                "LP-001_PV-001",
                "https://www.google.fr/",
                "wrk-bench",
                "google",
                "cpc",
                "bench",
                null,
                null,
                null,
                null,
                "10.0.0.1",
                at,
                "active",
                null);
    }

    static TrackingEventDocument event(long i, Instant at) {
        return new TrackingEventDocument(
                "preload-session-" + i + ":lp_visit",
                UUID.randomUUID().toString(),
                "preload-session-" + i,
                "preload-visitor-" + i,
                "lp_visit",
                "LP-001",
                "PV-001",
                "LP-001_PV-001",
                "google",
                "cpc",
                "bench",
                null,
                null,
                null,
                null,
                "https://www.google.fr/",
                "wrk-bench",
                "10.0.0.1",
                at);
    }

    static LeadDocument lead(long i, Instant at) {
        String id = "preload-" + i;
        String phone = String.format("06%08d", i % 100_000_000L);
        LeadData data = new LeadData(
                id,
                at,
                Entity.ZR7,
                Product.PV,
                new LeadContact(
                        phone,
                        "Mme",
                        "Martin",
                        "Lea",
                        "lea.martin" + i + "@example.fr",
                        "75011",
                        "75",
                        "Paris",
                        "12 rue Oberkampf"),
                new LeadProject(
                        "maison", "proprietaire", "120", null, "fioul", null, null, null, null, null, Boolean.FALSE),
                new LeadSource(
                        "preload-session-" + i,
                        "PV-001",
                        "LP-001",
                        "LP-001_PV-001",
                        null,
                        null,
                        "bench",
                        null,
                        null,
                        null,
                        null,
                        null),
                new ConsentProof(
                        Boolean.TRUE,
                        "J accepte d etre recontacte par telephone.",
                        "https://lp.example.fr/formulaire",
                        "10.0.0.1",
                        "wrk-bench",
                        at));
        return new LeadDocument(
                id,
                LeadStatus.PENDING,
                LeadReceived.ORIGIN_PUBLIC,
                "preload-session-" + i,
                phone,
                at,
                new LeadReceived(data, LeadStatus.PENDING, List.of(), null, LeadReceived.ORIGIN_PUBLIC),
                new fr.rdz.intake.lead.application.LeadOutbox(
                        UUID.randomUUID().toString(),
                        at,
                        fr.rdz.intake.lead.application.LeadOutbox.PUBLISHED,
                        at.plusMillis(5)));
    }
}
