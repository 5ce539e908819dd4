package fr.rdz.bench.crmpush;

import fr.rdz.crmpush.CrmPushApplication;
import fr.rdz.events.BatchClient;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadSource;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import fr.rdz.events.SecretBox;
import fr.rdz.events.Topics;
import fr.rdz.stack.EmbeddedStack;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * CRM push throughput: the real crm-push-service (in-process, embedded Kafka + Mongo) pushing every lead of planned
 * batches to a local CRM that answers 201 after a fixed latency. Reports pushes per second (DeliveryPlanned published
 * → last success outcome consumed), the in-flight bound per CRM host and the highest concurrency the CRM saw.
 *
 * <p>Arguments ({@code key=value}): {@code leads} (2000), {@code latency-ms} (100), {@code in-flight} (10, the
 * bulkhead bound per host), {@code hosts} (1: CRM hosts, i.e. clients on distinct ports), {@code batch} (100 leads
 * per DeliveryPlanned).
 */
public final class CrmPushBenchmark {

    private static final java.util.concurrent.atomic.AtomicBoolean READING =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    private static final String SECRET = "cmR6LWJlbmNoLW9ubHktYXBpLWtleS1ib3gtMzJieXQ=";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int leads = Integer.parseInt(opts.getOrDefault("leads", "2000"));
        int latencyMs = Integer.parseInt(opts.getOrDefault("latency-ms", "100"));
        int inFlight = Integer.parseInt(opts.getOrDefault("in-flight", "10"));
        int hosts = Integer.parseInt(opts.getOrDefault("hosts", "1"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch", "100"));

        EmbeddedStack stack = EmbeddedStack.forTests(Files.createTempDirectory("rdz-bench-crm-push"));
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        List<DisposableServer> crms = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            crms.add(HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .route(r -> r.post("/lead/api/create_lead/", (req, res) -> req.receive()
                            .aggregate()
                            .then(Mono.fromRunnable(() -> {
                                received.incrementAndGet();
                                highest.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            }))
                            .then(Mono.delay(Duration.ofMillis(latencyMs)))
                            .then(Mono.fromRunnable(concurrent::decrementAndGet))
                            .then(res.status(201)
                                    .header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"id\": 1}"))
                                    .then())))
                    .bindNow());
        }

        ConfigurableApplicationContext service;
        try {
            // command-line arguments: they win over application.yml (builder default properties would not)
            service = new SpringApplicationBuilder(CrmPushApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.kafka.bootstrap-servers=" + stack.kafka().bootstrapServers(),
                            "--spring.data.mongodb.uri=" + stack.mongo().uri("rdz_crm_push_bench"),
                            "--rdz.security.admin-password=bench",
                            "--rdz.crypto.api-key-secret=" + SECRET,
                            // each push signs its consent_proof_url (issue 16)
                            "--rdz.crypto.proof-link-secret=bench-proof-link-secret-0123456789abcdef",
                            "--resilience4j.bulkhead.configs.crm.max-concurrent-calls=" + inFlight,
                            "--logging.level.root=WARN",
                            "--logging.level.fr.rdz=WARN");
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }

        Map<String, Instant> successes = new ConcurrentHashMap<>();
        Thread reader = outcomeReader(stack.kafka().bootstrapServers(), successes);
        SecretBox box = new SecretBox(SECRET);
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                EnvelopeSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5))) {
            // warm-up: JIT, connections, consumer assignment
            int warmup = Math.min(200, leads);
            run("warmup", warmup, batchSize, crms, box, producer, successes);
            successes.clear();
            received.set(0);
            highest.set(0);

            Instant start = Instant.now();
            run("run", leads, batchSize, crms, box, producer, successes);
            Instant end = successes.values().stream().max(Instant::compareTo).orElseThrow();
            double seconds = Duration.between(start, end).toMillis() / 1000.0;
            double rate = leads / seconds;
            double ceiling = hosts * inFlight * 1000.0 / latencyMs;
            System.out.printf(
                    "%ncrm-push: %d pushes to %d CRM host(s) answering in %d ms, in-flight bound %d per host%n",
                    leads, hosts, latencyMs, inFlight);
            System.out.printf("  elapsed %.2f s -> %.1f pushes/s%n", seconds, rate);
            System.out.printf(
                    "  ceiling (hosts x bound / latency) %.1f pushes/s -> %.0f%% of it%n",
                    ceiling, 100 * rate / ceiling);
            System.out.printf(
                    "  highest concurrency seen by the CRM(s): %d; POSTs received: %d%n",
                    highest.get(), received.get());
        } finally {
            READING.set(false);
            reader.join(5_000);
            service.close();
            crms.forEach(DisposableServer::disposeNow);
            stack.close();
        }
        System.exit(0);
    }

    private static void run(
            String name,
            int leads,
            int batchSize,
            List<DisposableServer> crms,
            SecretBox box,
            KafkaProducer<String, Envelope<?>> producer,
            Map<String, Instant> successes)
            throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        int n = 0;
        int b = 0;
        while (n < leads) {
            int size = Math.min(batchSize, leads - n);
            DisposableServer crm = crms.get(b % crms.size());
            String clientId = "c-bench-" + (b % crms.size());
            List<PlannedLead> list = new ArrayList<>();
            for (int i = 0; i < size; i++, n++) {
                list.add(new PlannedLead(lead(run + "-" + n, String.format("06%08d", n)), LeadKind.FRESH, false));
            }
            DeliveryPlanned planned = new DeliveryPlanned(
                    run + "-b" + b,
                    run,
                    LocalDate.now(),
                    Entity.ZR7,
                    Product.PV,
                    "cmd-bench",
                    new BatchClient(
                            clientId,
                            "Bench " + clientId,
                            List.of(),
                            DeliveryChannel.API,
                            "http://127.0.0.1:" + crm.port() + "/lead/api/create_lead/",
                            box.encrypt("bench_api_key_0000")),
                    list);
            Envelope<?> envelope = Envelope.of(planned, "bench", Instant.now());
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope));
            b++;
        }
        producer.flush();
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
        while (successes.keySet().stream().filter(k -> k.startsWith(run)).count() < leads) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(name + ": only " + successes.size() + " of " + leads + " pushed");
            }
            Thread.sleep(20);
        }
    }

    private static LeadData lead(String id, String phone) {
        return new LeadData(
                id,
                Instant.parse("2026-11-19T14:02:11Z"),
                Entity.ZR7,
                Product.PV,
                new LeadContact(
                        phone, "Mme", "Martin", "Eloise", "eloise@example.fr", "75011", "75", "Paris", "12 rue"),
                new LeadProject(
                        "maison",
                        "proprietaire",
                        "120",
                        "1985",
                        "fioul",
                        "150",
                        "200",
                        "installation",
                        "3 mois",
                        "15000",
                        false),
                new LeadSource(
                        null,
                        "PV-001",
                        "LP-001",
                        "LP-001_PV-001",
                        "google",
                        "cpc",
                        "bench",
                        null,
                        null,
                        null,
                        null,
                        null),
                new ConsentProof(true, "ok", null, null, null, Instant.now()));
    }

    private static Thread outcomeReader(String servers, Map<String, Instant> successes) {
        Thread t = new Thread(
                () -> {
                    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            servers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "bench-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                            StringDeserializer.class,
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                            ByteArrayDeserializer.class))) {
                        consumer.subscribe(Set.of(Topics.DELIVERY_OUTCOME));
                        while (READING.get()) {
                            consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                                if (EventCodec.decode(r.value()).payload() instanceof DeliveryOutcome o
                                        && o.status() == OutcomeStatus.SUCCESS) {
                                    successes.putIfAbsent(o.leadIds().get(0), Instant.now());
                                }
                            });
                        }
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        // done
                    }
                },
                "bench-outcomes");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private CrmPushBenchmark() {}
}
