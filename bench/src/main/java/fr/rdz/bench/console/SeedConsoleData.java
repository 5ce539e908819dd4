package fr.rdz.bench.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadSource;
import fr.rdz.events.Product;
import fr.rdz.routing.lead.mongo.DeliveryRef;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.stats.domain.Figure;
import fr.rdz.routing.stats.mongo.FigureDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The data of the console benchmark ({@code bench/run-console.sh}).
 *
 * <ul>
 *   <li>{@code catalog <routingUrl> <adminPassword> <out.json>}: LPs, forms, clients and commandes of
 *       both entities created through routing's admin API (the real path), their codes written to
 *       {@code out.json}.
 *   <li>{@code leads <mongoUri> <count> <catalog.json>}: the bulk path. {@code count} routing records
 *       and their figures, written into routing's database while routing is stopped, as routing stores
 *       them when it routes a {@code LeadReceived} (record: lead, statuses, history, deliveries,
 *       quality tier; figures: {@code received:<id>} with received/valid/routed|no_order and
 *       {@code delivered:<id>:<client>:<batch>} with the client and commande); a third are delivered.
 *       Then it removes the read models' markers ({@code read_models}), the documented admin action
 *       that makes routing rebuild its read models ({@code figure_days}, {@code form_figures},
 *       {@code lead_lookup}) from the stored data at its next start. Routing's own consumer would take
 *       hours to route 100,000 leads on the Mongo stand-in, whose every non-{@code _id} query scans.
 * </ul>
 */
public final class SeedConsoleData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NOMS = {
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"
    };
    private static final String[] PRENOMS = {"Éloïse", "Hélène", "Paul", "Marc", "Julie", "Léa", "Hugo", "Chloé"};
    private static final String[] DEPARTEMENTS = {"75", "92", "93", "94", "13", "69", "33", "59", "2A", "31"};

    private SeedConsoleData() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "catalog" -> catalog(args[1], args[2], Path.of(args[3]));
            case "leads" -> leads(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("catalog | leads");
        }
    }

    private static void catalog(String routing, String password, Path out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> forms = new ArrayList<>();
        List<Map<String, Object>> commandes = new ArrayList<>();
        for (Entity entity : Entity.values()) {
            List<String> lps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lps.add(post(
                                http,
                                auth,
                                routing + "/admin/lps",
                                Map.of(
                                        "entity",
                                        entity.name(),
                                        "name",
                                        "LP " + entity + " " + i,
                                        "url",
                                        "https://lp.example.fr/" + i))
                        .get("code")
                        .asText());
            }
            for (int i = 0; i < 12; i++) {
                Product product = Product.values()[i % 3];
                String lp = lps.get(i % lps.size());
                String code = post(
                                http,
                                auth,
                                routing + "/admin/forms",
                                Map.of(
                                        "entity",
                                        entity.name(),
                                        "product",
                                        product.name(),
                                        "name",
                                        "Formulaire " + entity + " " + product + " " + i,
                                        "lp_code",
                                        lp))
                        .get("code")
                        .asText();
                forms.add(Map.of("code", code, "entity", entity.name(), "product", product.name(), "lp", lp));
            }
            for (int i = 0; i < 6; i++) {
                String client = post(
                                http,
                                auth,
                                routing + "/admin/clients",
                                Map.of(
                                        "entity",
                                        entity.name(),
                                        "name",
                                        "Client " + entity + " " + i,
                                        "emails",
                                        List.of("leads" + i + "@client.example.fr"),
                                        "delivery_channel",
                                        "email",
                                        "active",
                                        true))
                        .get("id")
                        .asText();
                for (Product product : Product.values()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("entity", entity.name());
                    body.put("client_id", client);
                    body.put("product", product.name());
                    body.put("departements", List.of(DEPARTEMENTS[i % 10], DEPARTEMENTS[(i + 3) % 10]));
                    body.put("weekly_quota", 200);
                    body.put("delivery_days", List.of("MON", "TUE", "WED", "THU", "FRI"));
                    body.put("lb_max_percent", 20);
                    body.put("priority", 1);
                    body.put("allow_cross_entity", false);
                    body.put("starts_on", "2026-01-01");
                    String commande = post(http, auth, routing + "/admin/commandes", body)
                            .get("id")
                            .asText();
                    commandes.add(Map.of(
                            "id", commande, "client", client, "entity", entity.name(), "product", product.name()));
                }
            }
        }
        JSON.writeValue(out.toFile(), Map.of("forms", forms, "commandes", commandes));
        System.out.println("CATALOG " + forms.size() + " forms, " + commandes.size() + " commandes");
    }

    private static JsonNode post(HttpClient http, String auth, String url, Object body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void leads(String mongoUri, int count, Path catalogFile) throws Exception {
        JsonNode catalog = JSON.readTree(catalogFile.toFile());
        List<JsonNode> forms = new ArrayList<>();
        catalog.get("forms").forEach(forms::add);
        Map<String, List<JsonNode>> commandes = new HashMap<>();
        catalog.get("commandes").forEach(c -> commandes
                .computeIfAbsent(
                        c.get("entity").asText() + "|" + c.get("product").asText(), k -> new ArrayList<>())
                .add(c));
        Instant now = Instant.now();
        Random random = new Random(42);
        String database = mongoUri.substring(mongoUri.lastIndexOf('/') + 1);
        long t0 = System.nanoTime();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
            List<LeadDocument> leads = new ArrayList<>();
            List<FigureDocument> figures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // oldest first, as they would have been stored: 100,000 over ~35 days
                Instant at = now.minus(Duration.ofSeconds((long) (count - i) * 30L + random.nextInt(30)));
                JsonNode form = forms.get(random.nextInt(forms.size()));
                Entity entity = Entity.valueOf(form.get("entity").asText());
                Product product = Product.valueOf(form.get("product").asText());
                String nom = NOMS[random.nextInt(NOMS.length)];
                String prenom = PRENOMS[random.nextInt(PRENOMS.length)];
                String departement = DEPARTEMENTS[random.nextInt(DEPARTEMENTS.length)];
                String phone = "06" + String.format("%08d", i);
                String campaign = "campagne-" + (i % 20);
                String leadId = UUID.nameUUIDFromBytes(("bench-lead-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                LeadData lead = new LeadData(
                        leadId,
                        at,
                        entity,
                        product,
                        new LeadContact(
                                phone,
                                i % 2 == 0 ? "Mme" : "M",
                                nom,
                                prenom,
                                prenom.toLowerCase() + "." + nom.toLowerCase() + "." + i + "@example.fr",
                                departement + "100",
                                departement,
                                "Ville",
                                i + " rue de la Paix"),
                        null,
                        new LeadSource(
                                "session-" + i,
                                form.get("code").asText(),
                                form.get("lp").asText(),
                                form.get("lp").asText() + "_" + form.get("code").asText(),
                                "google",
                                "cpc",
                                campaign,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new ConsentProof(
                                true, "J'accepte d'être recontacté(e).", "https://lp.example.fr/", null, null, at));
                List<JsonNode> matching = commandes.getOrDefault(entity + "|" + product, List.of());
                boolean routed = i % 4 != 3 && !matching.isEmpty();
                boolean delivered = routed && i % 3 == 0;
                String state = routed ? "fresh" : "no_order";
                String tier = i % 4 == 0 ? "A" : i % 4 == 1 ? "B" : null;
                List<DeliveryRef> deliveries = new ArrayList<>();
                List<HistoryEntry> history = new ArrayList<>(List.of(
                        HistoryEntry.of("received-" + i, "received", at),
                        HistoryEntry.of("routed-" + i, "routed", at)));
                Map<String, Integer> received = new HashMap<>(Map.of(Figure.RECEIVED, 1, Figure.VALID, 1));
                received.put(routed ? Figure.ROUTED : Figure.NO_ORDER, 1);
                String day = BusinessTime.dayOf(at).toString();
                figures.add(new FigureDocument(
                        "received:" + leadId,
                        day,
                        entity,
                        product,
                        departement,
                        form.get("code").asText(),
                        form.get("lp").asText(),
                        "google",
                        campaign,
                        tier,
                        null,
                        null,
                        received));
                if (delivered) {
                    JsonNode commande = matching.get(random.nextInt(matching.size()));
                    String clientId = commande.get("client").asText();
                    String batch = "batch-" + day + "-" + clientId;
                    Instant deliveredAt = at.plus(Duration.ofHours(20));
                    deliveries.add(new DeliveryRef(
                            clientId, commande.get("id").asText(), batch, "run-" + day, deliveredAt, "fresh", false));
                    history.add(HistoryEntry.of("delivered-" + i, "delivered", deliveredAt));
                    figures.add(new FigureDocument(
                            "delivered:" + leadId + ":" + clientId + ":" + batch,
                            BusinessTime.dayOf(deliveredAt).toString(),
                            entity,
                            product,
                            departement,
                            form.get("code").asText(),
                            form.get("lp").asText(),
                            "google",
                            campaign,
                            tier,
                            clientId,
                            commande.get("id").asText(),
                            Map.of(Figure.DELIVERED, 1, Figure.DELIVERED_FRESH, 1)));
                }
                leads.add(new LeadDocument(
                        leadId,
                        lead,
                        "pending",
                        List.of(),
                        null,
                        state,
                        List.of(),
                        null,
                        delivered ? "delivered" : state,
                        deliveries,
                        List.of(),
                        false,
                        history,
                        List.of(),
                        tier,
                        List.of()));
                if (leads.size() == 2000) {
                    mongo.insertAll(leads).then().block();
                    mongo.insert(figures, "figures").then().block();
                    leads.clear();
                    figures.clear();
                }
            }
            if (!leads.isEmpty()) {
                mongo.insertAll(leads).then().block();
                mongo.insert(figures, "figures").then().block();
            }
            // the documented rebuild: routing rebuilds its read models at its next start
            mongo.remove(new Query(), "read_models").block();
        }
        System.out.printf(
                "LEADS STORED %d in %d s (first phone 0600000000, e-mail <prenom>.<nom>.<i>@example.fr)%n",
                count, Duration.ofNanos(System.nanoTime() - t0).toSeconds());
        Files.writeString(
                catalogFile.resolveSibling("lead-ids.txt"),
                UUID.nameUUIDFromBytes(("bench-lead-" + (count / 2)).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }
}
