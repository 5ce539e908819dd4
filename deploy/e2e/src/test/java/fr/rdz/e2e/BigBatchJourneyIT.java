package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.rules.ParisCalendar;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 1, end to end through the processes {@code ./rdz up} runs: a commande of 5,000 leads a
 * day and 5,000 Fresh leads in delivery's pool; one run plans one batch of 5,000 — its
 * {@code DeliveryPlanned} is several times the broker's record limit — and the batch is delivered whole:
 * one e-mail whose CSV has 5,000 rows, 5,000 POSTs into the buyer's CRM, one per lead.
 */
class BigBatchJourneyIT {

    private static final int LEADS = 5_000;

    /** A Tuesday far from the other tests' dates. */
    private static final LocalDate DAY = LocalDate.of(2032, 6, 8);

    @TempDir
    static Path work;

    static RdzProcesses rdz;
    static StandInCrm crm;
    static final AdminApi api = new AdminApi();

    @BeforeAll
    static void start() throws Exception {
        crm = StandInCrm.start();
        rdz = RdzProcesses.start(
                work, "http://localhost", List.of("routing", "delivery", "notifier", "crm-push"), List.of());
        rdz.awaitHealthy(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (rdz != null) {
            rdz.close();
        }
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void aBatchOfFiveThousandLeadsIsDeliveredWholeByEmailAndCrmPush() throws Exception {
        String routing = rdz.url("routing");
        String clientId = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity", "ZR7",
                                "name", "Gros Volume",
                                "emails", List.of("leads@gros-volume.example.fr"),
                                "delivery_channel", "both",
                                "api_url", crm.url(),
                                "api_key", "crm_big_batch_key_0001"))
                .path("id")
                .asText();
        String commandeId = api.post(
                        routing + "/admin/commandes",
                        Map.of(
                                "entity",
                                "ZR7",
                                "client_id",
                                clientId,
                                "product",
                                "PV",
                                "departements",
                                List.of("*"),
                                "weekly_quota",
                                LEADS,
                                "delivery_days",
                                List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                                "lb_max_percent",
                                0,
                                "priority",
                                1,
                                "starts_on",
                                DAY.toString(),
                                "ends_on",
                                DAY.toString()))
                .path("id")
                .asText();

        Set<String> leadIds = publishFreshLeads(commandeId);

        // delivery's pool holds them all before the run (its view is fed by rdz.lead.routed.v1)
        JsonNode preview = await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> run(true),
                        p -> batchOf(p, commandeId).path("lead_ids").size() == LEADS);
        assertThat(batchOf(preview, commandeId).path("short").asInt()).isZero();

        JsonNode run = run(false);
        JsonNode batch = batchOf(run, commandeId);
        assertThat(batch.path("lead_ids").size()).isEqualTo(LEADS);

        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(distinctPushedLeads()).hasSize(LEADS));
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(csvAttachments(false)).hasSize(1));

        List<List<String>> csvs = csvAttachments(false);
        assertThat(csvs.get(0)).hasSize(LEADS);
        // beside the seed's CSV, the proof-of-consent attachment: one row per lead
        List<List<String>> proofs = csvAttachments(true);
        assertThat(proofs).hasSize(1);
        assertThat(proofs.get(0)).hasSize(LEADS);
        assertThat(distinctPushedLeads()).containsExactlyInAnyOrderElementsOf(leadIds);
        assertThat(crm.received()).hasSize(LEADS);
    }

    /** The run (or its preview) of 5,000 leads: planned and recorded before it answers, minutes on a loaded machine. */
    private static JsonNode run(boolean dryRun) {
        return api.post(
                rdz.url("delivery") + "/admin/runs",
                Map.of("entity", "ZR7", "date", DAY.toString(), "dry_run", dryRun),
                Duration.ofMinutes(3));
    }

    private static JsonNode batchOf(JsonNode run, String commandeId) {
        for (JsonNode batch : run.path("batches")) {
            if (commandeId.equals(batch.path("commande_id").asText())) {
                return batch;
            }
        }
        return new ObjectMapper().createObjectNode();
    }

    /** 5,000 Fresh leads of ZR7 PV received the day before, routed to the commande. */
    private static Set<String> publishFreshLeads(String commandeId) throws Exception {
        LeadData sample = EventSamples.aLead();
        Instant received = ParisCalendar.runReference(DAY.minusDays(1));
        Set<String> ids = new HashSet<>();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                rdz.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20);
        try (KafkaProducer<String, Envelope<?>> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                String phone = String.format("06%08d", 30_000_000 + i);
                LeadContact c = sample.contact();
                LeadData lead = new LeadData(
                        "big-" + i,
                        received.plusMillis(i),
                        Entity.ZR7,
                        Product.PV,
                        new LeadContact(
                                phone,
                                c.civilite(),
                                c.nom(),
                                c.prenom(),
                                c.email(),
                                "75001",
                                "75",
                                c.ville(),
                                c.adresse()),
                        sample.project(),
                        sample.source(),
                        sample.consent());
                Envelope<?> envelope = Envelope.of(
                        new LeadRouted(lead, RoutingState.FRESH, List.of(commandeId), null), "e2e", received);
                sends.add(producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope)));
                ids.add(lead.leadId());
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
        return ids;
    }

    private static Set<String> distinctPushedLeads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> phones = new HashSet<>();
        for (StandInCrm.Received post : List.copyOf(crm.received())) {
            JsonNode body = json.readTree(post.body());
            phones.add(body.path("phone").asText());
        }
        // the CRM sees phones; map them back to lead ids (big-<i> has phone 06 3000 0000 + i)
        Set<String> leads = new HashSet<>();
        for (String phone : phones) {
            if (phone.startsWith("063")) {
                leads.add("big-" + (Integer.parseInt(phone.substring(2)) - 30_000_000));
            }
        }
        return leads;
    }

    /** The data rows of each CSV attachment the SMTP catcher kept, one list per attachment. */
    /** The rows (header left out) of every e-mailed CSV: the seed's, or the proof-of-consent attachments. */
    private static List<List<String>> csvAttachments(boolean proofs) throws Exception {
        List<List<String>> csvs = new ArrayList<>();
        Session session = Session.getInstance(new Properties());
        try (var files = Files.list(rdz.stack().smtp().mailDir())) {
            for (Path eml : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(eml)) {
                    collect(new MimeMessage(session, in), proofs, csvs);
                }
            }
        }
        return csvs;
    }

    private static void collect(Part part, boolean proofs, List<List<String>> csvs) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), proofs, csvs);
            }
        } else if (part.getFileName() != null
                && part.getFileName().endsWith(".csv")
                && part.getFileName().endsWith("_preuves-consentement.csv") == proofs) {
            List<String> lines = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .lines()
                    .toList();
            csvs.add(lines.subList(1, lines.size()));
        }
    }
}
