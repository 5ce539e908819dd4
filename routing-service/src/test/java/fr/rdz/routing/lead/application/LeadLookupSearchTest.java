package fr.rdz.routing.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadSource;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties;
import fr.rdz.routing.lead.mongo.DeliveryRef;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.stack.MongoWireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * A search that a lookup serves (phone, whole e-mail, form, LP; by form or LP alone, the total is
 * the lookup's size) and the search without criteria (the total is the collection's count) answer
 * exactly what the query over every lead answers — same page, order, total and cap — whether the lookups were kept as leads were
 * stored or back-filled; an erased lead leaves its phone's and e-mail's lookups.
 */
@SuppressWarnings("unchecked")
class LeadLookupSearchTest {

    private static final Operator ADMIN = new Operator("admin", RdzSecurityProperties.Role.ADMIN, null);
    private static final Operator ZR7 = new Operator("zr7", RdzSecurityProperties.Role.VIEWER, Entity.ZR7);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** The queries sent to {@code leads} and the number of records they answered. */
    private final List<BsonDocument> leadQueries = new CopyOnWriteArrayList<>();

    private final Set<Integer> leadRequests = ConcurrentHashMap.newKeySet();
    private final AtomicInteger leadRecordsRead = new AtomicInteger();

    private MongoWireServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private LeadLookupProjector lookups;
    private SearchingLeads searching;

    @BeforeEach
    void start() {
        server = MongoWireServer.start(0, null);
        CommandListener reads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (("find".equals(name)
                                && "leads"
                                        .equals(event.getCommand()
                                                .getString("find")
                                                .getValue()))
                        || ("getMore".equals(name)
                                && "leads"
                                        .equals(event.getCommand()
                                                .getString("collection")
                                                .getValue()))) {
                    leadQueries.add(event.getCommand().clone());
                    leadRequests.add(event.getRequestId());
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (leadRequests.contains(event.getRequestId())) {
                    BsonDocument cursor = event.getResponse().getDocument("cursor");
                    leadRecordsRead.addAndGet((cursor.containsKey("firstBatch")
                                    ? cursor.getArray("firstBatch")
                                    : cursor.getArray("nextBatch"))
                            .size());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.uri("lookups")))
                .addCommandListener(reads)
                .build());
        mongo = new ReactiveMongoTemplate(client, "lookups");
        lookups = new LeadLookupProjector(mongo);
        searching = new SearchingLeads(
                new fr.rdz.routing.lead.mongo.MongoSearchableLeads(mongo, lookups),
                new fr.rdz.routing.lead.mongo.MongoLeadRecords(
                        mongo, lookups, new fr.rdz.routing.outbox.PendingOutbox(mongo, Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void lookupsKeptAsLeadsAreStoredAnswerAsTheQuery() {
        List<LeadDocument> leads = leads(700);
        Flux.fromIterable(leads)
                .concatMap(d -> mongo.insert(d).then(lookups.index(d)))
                .blockLast();
        Flux.fromIterable(leads.subList(0, 50)).concatMap(lookups::index).blockLast(); // redelivered
        assertSameAnswers();
        // a redelivered lead is counted once: the size of a key is the number of its leads
        assertThat(lookups.newest("form", "PV-001", 0, 1).block().size())
                .isEqualTo(leads.stream()
                        .filter(d -> "PV-001".equals(d.lead().source().formCode()))
                        .count());
    }

    @Test
    void aNameIsSearchedByTheKeysOfItsWholeWordsIgnoringCaseAndAccents() {
        List<LeadDocument> leads = leads(700);
        Flux.fromIterable(leads)
                .concatMap(d -> mongo.insert(d).then(lookups.index(d)))
                .blockLast();
        LeadDocument marieHelene = leads.stream()
                .filter(d -> d.lead().contact().prenom().equals("Marie-Hélène"))
                .findFirst()
                .orElseThrow();
        assertThat(lookups.ids("name", "helene").block()).contains(marieHelene.id());
        assertThat(lookups.ids("name", "marie").block()).contains(marieHelene.id());
        assertThat(lookups.ids("name", "dubois").block()).isNotEmpty();

        // a whole word of the nom or prénom, not a piece of one
        LeadSearch helene = LeadSearch.parse(Map.of("name", "HÉLÈNE", "size", "500"), new InvalidInput.Collector());
        assertThat(searching.search(ADMIN, helene).block().items())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.lead().contact().prenom()).isEqualTo("Marie-Hélène"));
        LeadSearch piece = LeadSearch.parse(Map.of("name", "hel"), new InvalidInput.Collector());
        assertThat(searching.search(ADMIN, piece).block().items()).isEmpty();
        assertThat(searching.search(ADMIN, piece, false).block().items()).isEmpty();
    }

    @Test
    void aNameSearchOfOneEntityOrWithAFormOrLpReadsOnlyTheRecordsItsKeysDesignate() {
        List<LeadDocument> leads = leads(700);
        Flux.fromIterable(leads)
                .concatMap(d -> mongo.insert(d).then(lookups.index(d)))
                .blockLast();
        long martins = leads.stream()
                .filter(d -> d.lead().contact().nom().equals("Martin"))
                .count();
        long zr7Martins = leads.stream()
                .filter(d ->
                        d.lead().contact().nom().equals("Martin") && d.lead().entity() == Entity.ZR7)
                .count();
        assertThat(zr7Martins).isBetween(20L, martins - 20);
        assertThat(lookups.ids("name@ZR7", "martin").block()).hasSize((int) zr7Martins);

        // an operator scoped to ZR7 (or a search of ZR7): the entity's name key gives the page and the total
        for (var search : List.of(
                new Object[] {ZR7, Map.of("name", "martin", "size", "20")},
                new Object[] {ADMIN, Map.of("name", "MARTIN", "entity", "ZR7", "size", "20")})) {
            leadQueries.clear();
            leadRecordsRead.set(0);
            SearchingLeads.Page page = searching
                    .search(
                            (Operator) search[0],
                            LeadSearch.parse((Map<String, String>) search[1], new InvalidInput.Collector()))
                    .block();
            assertThat(page.items())
                    .hasSize(20)
                    .allSatisfy(d -> assertThat(d.lead().entity()).isEqualTo(Entity.ZR7));
            assertThat(page.total()).isEqualTo(zr7Martins);
            assertThat(leadRecordsRead.get())
                    .as("records read for %s", search[1])
                    .isEqualTo(20);
            assertThat(leadQueries).allSatisfy(q -> assertThat(q.toJson()).contains("\"_id\": {\"$in\""));
        }

        // a name and a form, a page of 10: only the page's records are read
        leadQueries.clear();
        leadRecordsRead.set(0);
        LeadSearch nameAndForm = LeadSearch.parse(
                Map.of("name", "martin", "form", "PV-001", "size", "10"), new InvalidInput.Collector());
        assertThat(searching.search(ZR7, nameAndForm).block().items()).hasSize(10);
        assertThat(leadRecordsRead.get()).isEqualTo(10);

        // a name and an LP: only the leads both keys hold are read
        long shared = leads.stream()
                .filter(d -> d.lead().contact().nom().equals("Bernard")
                        && "LP-001".equals(d.lead().source().lpCode()))
                .count();
        long ofLp = leads.stream()
                .filter(d -> "LP-001".equals(d.lead().source().lpCode()))
                .count();
        assertThat(shared).isPositive().isLessThan(ofLp / 2);
        leadQueries.clear();
        leadRecordsRead.set(0);
        LeadSearch both = LeadSearch.parse(
                Map.of("name", "bernard", "lp", "LP-001", "size", "500"), new InvalidInput.Collector());
        assertThat(searching.search(ADMIN, both).block().items()).hasSize((int) shared);
        assertThat(leadRecordsRead.get()).isEqualTo((int) shared);
        assertThat(leadQueries).allSatisfy(q -> assertThat(q.toJson()).contains("\"_id\": {\"$in\""));
    }

    @Test
    void aDatabaseBackFilledBeforeTheEntitiesNameKeysIsRebuiltOnce() {
        List<LeadDocument> leads = leads(50);
        mongo.insertAll(leads).blockLast();
        // as the second version of the back-fill left it: its marker, name keys of every entity only
        mongo.insert(new org.bson.Document("_id", "lead_lookup_v2"), "read_models")
                .block();
        mongo.insert(
                        new org.bson.Document("_id", "name:martin")
                                .append("ids", List.of(leads.get(0).id()))
                                .append("n", 1),
                        LeadLookupProjector.COLLECTION)
                .block();
        lookups.afterPropertiesSet();
        assertThat(lookups.ids("name@ZR7", "martin").block())
                .hasSize((int) leads.stream()
                        .filter(d -> d.lead().contact().nom().equals("Martin")
                                && d.lead().entity() == Entity.ZR7)
                        .count())
                .isNotEmpty();
        assertThat(lookups.newest("name", "martin", 0, 50).block().size()).isEqualTo(17L);
        assertSameAnswers();
        // once: a second start keeps the lookups as they are
        mongo.remove(Query.query(Criteria.where("_id").is("name@MDL:martin")), LeadLookupProjector.COLLECTION)
                .block();
        lookups.afterPropertiesSet();
        assertThat(lookups.ids("name@MDL", "martin").block()).isEmpty();
    }

    @Test
    void aDatabaseBackFilledBeforeNameKeysIsRebuiltOnce() {
        List<LeadDocument> leads = leads(50);
        mongo.insertAll(leads).blockLast();
        // as the first version of the back-fill left it: its marker, lists without counts, no name keys
        mongo.insert(new org.bson.Document("_id", "lead_lookup_v1"), "read_models")
                .block();
        mongo.insert(
                        new org.bson.Document("_id", "form:PV-001")
                                .append("ids", List.of(leads.get(0).id())),
                        LeadLookupProjector.COLLECTION)
                .block();
        lookups.afterPropertiesSet();
        assertThat(lookups.ids("name", "martin").block()).isNotEmpty();
        assertThat(lookups.newest("form", "PV-001", 0, 50).block().size()).isEqualTo(17L);
        assertSameAnswers();
    }

    @Test
    void lookupsAreBackFilledOnceFromStoredLeadsAndForgetErasedOnes() {
        List<LeadDocument> leads = leads(700);
        mongo.insertAll(leads).blockLast();
        lookups.afterPropertiesSet();
        assertSameAnswers();

        LeadDocument erased = leads.get(7);
        assertThat(lookups.ids("phone", erased.lead().phone()).block()).contains(erased.id());
        new fr.rdz.routing.lead.mongo.MongoPersonalRecords(
                        mongo,
                        new fr.rdz.routing.lead.mongo.PhoneFactsStore(mongo),
                        lookups,
                        new fr.rdz.routing.outbox.PendingOutbox(mongo, Clock.systemUTC()))
                .erase(
                        new PersonalRecords.PersonalRecord(erased.id(), erased.lead()),
                        new PersonalRecords.ErasureStep("e", NOW, null, null))
                .block();
        assertThat(lookups.ids("phone", erased.lead().phone()).block()).doesNotContain(erased.id());
        assertThat(lookups.ids("email", erased.lead().contact().email()).block())
                .doesNotContain(erased.id());
        assertThat(lookups.ids("name", "paul").block()).doesNotContain(erased.id());
        assertThat(lookups.ids("name@" + erased.lead().entity(), "paul").block())
                .doesNotContain(erased.id());
        assertSameAnswers();
    }

    private void assertSameAnswers() {
        List<Map<String, String>> searches = new ArrayList<>();
        searches.add(Map.of("phone", "06 00 00 00 07"));
        searches.add(Map.of("phone", "+33600000003", "status", "delivered"));
        searches.add(Map.of("phone", "0600000011", "entity", "MDL"));
        searches.add(Map.of("email", "LEA.7@example.fr"));
        searches.add(Map.of("email", "paul.3@example.fr", "name", "martin"));
        searches.add(Map.of("form", "PV-002"));
        searches.add(Map.of("form", "PV-002", "page", "2", "size", "20"));
        searches.add(Map.of("form", "PV-001", "status", "no_order", "size", "7", "page", "3"));
        searches.add(Map.of("form", "PV-003", "client", "client-1", "from", "2026-11-19"));
        searches.add(Map.of("form", "PV-003", "page", "40"));
        searches.add(Map.of("lp", "LP-002", "quality_tier", "A"));
        searches.add(Map.of("lp", "LP-001", "size", "500"));
        searches.add(Map.of("form", "NONE"));
        searches.add(Map.of("lp", "LP-002"));
        searches.add(Map.of("lp", "LP-002", "page", "30", "size", "10"));
        // no criterion: the total is the collection's count
        searches.add(Map.of());
        searches.add(Map.of("page", "3", "size", "100"));
        searches.add(Map.of("page", "7", "size", "100"));
        // name: one key per word, several words share their leads
        searches.add(Map.of("name", "lea"));
        searches.add(Map.of("name", "Léa", "page", "3", "size", "20"));
        searches.add(Map.of("name", "PAUL", "page", "40"));
        searches.add(Map.of("name", "helene"));
        searches.add(Map.of("name", "martin lea"));
        searches.add(Map.of("name", "Marie-Hélène dubois", "size", "5", "page", "1"));
        searches.add(Map.of("name", "mart"));
        searches.add(Map.of("name", "bernard", "status", "delivered"));
        searches.add(Map.of("name", "bernard", "form", "PV-001", "size", "10"));
        searches.add(Map.of("name", "lea", "size", "500"));
        // name within one entity, and with a form or an LP: the keys they share
        searches.add(Map.of("name", "martin", "entity", "ZR7", "page", "2", "size", "10"));
        searches.add(Map.of("name", "martin paul", "entity", "MDL"));
        searches.add(Map.of("name", "dubois", "entity", "MDL", "page", "30"));
        searches.add(Map.of("name", "bernard", "lp", "LP-001", "size", "500"));
        searches.add(Map.of("name", "martin", "form", "PV-001", "lp", "LP-002", "page", "1", "size", "7"));
        searches.add(Map.of("name", "martin", "form", "PV-002"));
        searches.add(Map.of("name", "lea", "lp", "LP-001", "status", "fresh", "entity", "ZR7"));
        for (Map<String, String> params : searches) {
            for (Operator operator : List.of(ADMIN, ZR7)) {
                LeadSearch search = LeadSearch.parse(params, new InvalidInput.Collector());
                SearchingLeads.Page expected =
                        searching.search(operator, search, false).block();
                SearchingLeads.Page actual = searching.search(operator, search).block();
                assertThat(ids(actual)).as("%s by %s", params, operator.name()).isEqualTo(ids(expected));
                assertThat(actual.total()).as("total of %s", params).isEqualTo(expected.total());
                assertThat(actual.capped()).isEqualTo(expected.capped());
            }
        }
    }

    private static List<String> ids(SearchingLeads.Page page) {
        return page.items().stream().map(StoredLead::id).toList();
    }

    private static List<LeadDocument> leads(int n) {
        String[] noms = {"Martin", "Bernard", "Dubois"};
        List<LeadDocument> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // several leads share a phone / e-mail; reception times are not in storage order, some equal
            Instant at = NOW.minus(Duration.ofMinutes((i * 37L) % 300));
            String form = "PV-00" + (1 + i % 3);
            String status = i % 3 == 0 ? "delivered" : i % 3 == 1 ? "fresh" : "no_order";
            String prenom = i % 14 == 1 ? "Marie-Hélène" : i % 2 == 0 ? "Léa" : "Paul";
            LeadData lead = new LeadData(
                    "lead-" + i,
                    at,
                    i % 2 == 0 ? Entity.ZR7 : Entity.MDL,
                    Product.values()[i % 3],
                    new LeadContact(
                            "06" + String.format("%08d", i % 40),
                            "M",
                            noms[i % 3],
                            prenom,
                            (i % 5 == 0 ? prenom.toUpperCase() : prenom.toLowerCase()) + "." + (i % 10) + "@example.fr",
                            "75011",
                            "75",
                            "Paris",
                            "1 rue X"),
                    null,
                    new LeadSource(
                            "s", form, "LP-00" + (1 + i % 2), null, "google", null, "c", null, null, null, null, null),
                    null);
            String client = "client-" + (i % 4);
            List<DeliveryRef> deliveries = "delivered".equals(status)
                    ? List.of(new DeliveryRef(client, "cmd-" + client, "b", "r", at, "fresh", false))
                    : List.of();
            list.add(new LeadDocument(
                    lead.leadId(),
                    lead,
                    "pending",
                    List.of(),
                    null,
                    status,
                    List.of(),
                    null,
                    status,
                    deliveries,
                    List.of(),
                    false,
                    List.of(),
                    List.of(),
                    i % 4 == 0 ? "A" : null,
                    List.of()));
        }
        return list;
    }
}
