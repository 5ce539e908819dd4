package fr.rdz.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The fault suite's checker, after Jepsen's set checker: every lead answered {@code 2xx} must be found
 * at every stage, and nothing may appear twice. It reads every store the leads go through — intake's
 * {@code leads}, routing's {@code leads}, delivery's {@code batches} (planned) and {@code ledger}
 * (delivered), the SMTP catcher's messages (e-mailed: the phones in each CSV attachment, by {@code
 * X-RDZ-Batch-Id}) and the CRM's requests (pushed: a {@code 2xx} answer) — for the leads of one run
 * (one client, one commande), and counts:
 *
 * <ul>
 *   <li>lost: answered 2xx, yet missing from a stage (stored, routed, planned, delivered, e-mailed,
 *       pushed);
 *   <li>duplicated: a lead planned or delivered twice to the client, an e-mail sent twice for one batch,
 *       a POST to the CRM after one that the CRM answered 2xx.
 * </ul>
 */
final class FaultChecker {

    /** The figures of one run. */
    record Row(
            String fault,
            String topology,
            int answered,
            int stored,
            int routed,
            int planned,
            int delivered,
            int emailed,
            int pushed,
            Set<String> lost,
            int leadTwiceToClient,
            int emailTwiceForBatch,
            int postAfterSuccess,
            int runs,
            int sent,
            int unanswered,
            String backAfter) {

        int duplicated() {
            return leadTwiceToClient + emailTwiceForBatch + postAfterSuccess;
        }

        /**
         * This row with the load's figures: submissions made, those no intake answered, and how long after the
         * fault the system was back ({@code "-"}: not measured).
         */
        Row withLoad(int sent, int unanswered, String backAfter) {
            return new Row(
                    fault,
                    topology,
                    answered,
                    stored,
                    routed,
                    planned,
                    delivered,
                    emailed,
                    pushed,
                    lost,
                    leadTwiceToClient,
                    emailTwiceForBatch,
                    postAfterSuccess,
                    runs,
                    sent,
                    unanswered,
                    backAfter);
        }

        String tableLine() {
            return String.format(
                    "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |",
                    fault,
                    topology,
                    sent,
                    unanswered,
                    answered,
                    stored,
                    routed,
                    planned,
                    delivered,
                    emailed,
                    pushed,
                    lost.size(),
                    leadTwiceToClient,
                    emailTwiceForBatch,
                    postAfterSuccess,
                    runs,
                    backAfter);
        }
    }

    static final String TABLE_HEADER =
            "| fault | topology | sent | unanswered | answered 2xx | stored | routed | planned | delivered | e-mailed"
                    + " | pushed | lost | lead twice to client | e-mail twice for a batch | POST after a success"
                    + " | runs | back after |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    private final MongoClient mongo;
    private final Path mailDir;
    private final FaultCrm crm;

    FaultChecker(MongoClient mongo, Path mailDir, FaultCrm crm) {
        this.mongo = mongo;
        this.mailDir = mailDir;
        this.crm = crm;
    }

    /**
     * @param answered lead id → phone of every lead answered 2xx in this run
     * @param commandeId the run's commande (its client gets every lead of the run)
     */
    Row check(String fault, String topology, Map<String, String> answered, String commandeId) {
        Set<String> ids = answered.keySet();
        Map<String, String> leadByPhone = new HashMap<>();
        answered.forEach((id, phone) -> leadByPhone.put(phone, id));

        Set<String> stored = present("rdz_intake", "leads", ids);
        Set<String> routed = present("rdz_routing", "leads", ids);

        // planned: every recorded batch of the commande, across runs; the runs that planned leads answered 2xx
        Map<String, Integer> plannedTimes = new HashMap<>();
        Set<String> runs = new HashSet<>();
        for (Document batch : mongo.getDatabase("rdz_delivery")
                .getCollection("batches")
                .find(Filters.eq("commande_id", commandeId))
                .projection(Projections.include("lead_ids", "run_id"))) {
            List<String> leads = batch.getList("lead_ids", String.class, List.of());
            for (String lead : leads) {
                plannedTimes.merge(lead, 1, Integer::sum);
            }
            if (leads.stream().anyMatch(ids::contains)) {
                // the batch's _id is <run id>:<commande id>
                String id = batch.getString("_id");
                runs.add(
                        batch.getString("run_id") != null
                                ? batch.getString("run_id")
                                : id.substring(0, id.lastIndexOf(':')));
            }
        }
        // delivered: the ledger, one line per run and lead
        Map<String, Integer> deliveredTimes = new HashMap<>();
        for (Document line : mongo.getDatabase("rdz_delivery")
                .getCollection("ledger")
                .find(Filters.eq("commande_id", commandeId))
                .projection(Projections.include("lead_id"))) {
            deliveredTimes.merge(line.getString("lead_id"), 1, Integer::sum);
        }

        // e-mailed: the messages of the commande's batches
        Map<String, Integer> mailsPerBatch = new HashMap<>();
        Set<String> emailed = new HashSet<>();
        for (Mail mail : mails()) {
            if (mail.batchId() != null && mail.batchId().endsWith(":" + commandeId)) {
                mailsPerBatch.merge(mail.batchId(), 1, Integer::sum);
                for (String phone : mail.phones()) {
                    String lead = leadByPhone.get(phone);
                    if (lead != null) {
                        emailed.add(lead);
                    }
                }
            }
        }

        // pushed: a 2xx answer from the CRM; any POST after it is a duplicate
        Set<String> pushed = new HashSet<>();
        int postAfterSuccess = 0;
        for (FaultCrm.Post post : crm.posts()) {
            String lead = leadByPhone.get(post.phone());
            if (lead == null) {
                continue;
            }
            if (pushed.contains(lead)) {
                postAfterSuccess++;
            }
            if (post.succeeded()) {
                pushed.add(lead);
            }
        }

        Set<String> lost = new HashSet<>();
        for (String id : ids) {
            if (!stored.contains(id)
                    || !routed.contains(id)
                    || !plannedTimes.containsKey(id)
                    || !deliveredTimes.containsKey(id)
                    || !emailed.contains(id)
                    || !pushed.contains(id)) {
                lost.add(id);
            }
        }
        int twice = (int) ids.stream()
                .filter(id -> plannedTimes.getOrDefault(id, 0) > 1 || deliveredTimes.getOrDefault(id, 0) > 1)
                .count();
        int mailTwice = mailsPerBatch.values().stream().mapToInt(n -> n - 1).sum();
        return new Row(
                fault,
                topology,
                ids.size(),
                stored.size(),
                routed.size(),
                count(ids, plannedTimes.keySet()),
                count(ids, deliveredTimes.keySet()),
                emailed.size(),
                pushed.size(),
                lost,
                twice,
                mailTwice,
                postAfterSuccess,
                runs.size(),
                ids.size(),
                0,
                "-");
    }

    /** Where each lost lead stopped, for the failure message. */
    String whereLost(Row row, Map<String, String> answered) {
        Map<String, String> stages = new LinkedHashMap<>();
        Set<String> stored = present("rdz_intake", "leads", row.lost());
        Set<String> routed = present("rdz_routing", "leads", row.lost());
        for (String id : row.lost()) {
            stages.put(
                    id,
                    !stored.contains(id) ? "not stored" : !routed.contains(id) ? "not routed" : "stored and routed");
        }
        return stages.entrySet().stream()
                .limit(20)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static int count(Set<String> ids, Set<String> present) {
        return (int) ids.stream().filter(present::contains).count();
    }

    private Set<String> present(String database, String collection, Set<String> ids) {
        Set<String> found = new HashSet<>();
        // by _id only: the Mongo stand-in keeps unique indexes only, a filter on another field scans
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 200) {
            for (Document doc : mongo.getDatabase(database)
                    .getCollection(collection)
                    .find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + 200))))
                    .projection(Projections.include("_id"))) {
                found.add(doc.getString("_id"));
            }
        }
        return found;
    }

    record Mail(String batchId, Set<String> phones) {}

    /** Every message the SMTP catcher accepted. */
    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        if (!Files.isDirectory(mailDir)) {
            return mails;
        }
        Session session = Session.getInstance(new Properties());
        try (var files = Files.list(mailDir)) {
            for (Path eml : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(eml)) {
                    MimeMessage message = new MimeMessage(session, in);
                    String[] batch = message.getHeader("X-RDZ-Batch-Id");
                    Set<String> phones = new HashSet<>();
                    collectPhones(message, phones);
                    mails.add(new Mail(batch == null ? null : batch[0], phones));
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("reading " + mailDir, e);
        }
        return mails;
    }

    private static void collectPhones(Part part, Set<String> phones)
            throws jakarta.mail.MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                collectPhones(multipart.getBodyPart(i), phones);
            }
        } else if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
            String csv = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : csv.lines().skip(1).toList()) {
                for (String cell : line.split("[;,\\t]")) {
                    String digits = cell.replaceAll("[^0-9+]", "");
                    if (digits.startsWith("+33")) {
                        digits = "0" + digits.substring(3);
                    }
                    if (digits.length() == 10 && digits.startsWith("0")) {
                        phones.add(digits);
                    }
                }
            }
        }
    }
}
