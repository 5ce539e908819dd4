package fr.rdz.delivery.planning.domain;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Object Mother of the planner scenarios: commandes, clients, pool leads and ledger lines with sensible defaults. */
final class PlanningMother {

    /** Monday of ISO week 47, 2026. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    static final DeliveryDay[] WEEKDAYS = {
        DeliveryDay.MON, DeliveryDay.TUE, DeliveryDay.WED, DeliveryDay.THU, DeliveryDay.FRI
    };

    private PlanningMother() {}

    /** The one batch of a run with one served commande. */
    static PlannedBatch only(List<PlannedBatch> batches) {
        if (batches.size() != 1) {
            throw new AssertionError("expected one batch, got " + batches);
        }
        return batches.get(0);
    }

    static Instant runAt(LocalDate date) {
        return RunReference.of(date);
    }

    static ClientSnapshot client(String id) {
        return client(id, Entity.ZR7);
    }

    static ClientSnapshot client(String id, Entity entity) {
        return new ClientSnapshot(
                id,
                entity,
                "Client " + id,
                List.of(id + "@example.fr"),
                DeliveryChannel.EMAIL,
                null,
                null,
                null,
                true,
                false,
                CREATED);
    }

    static ClientSnapshot inactive(ClientSnapshot c) {
        return new ClientSnapshot(
                c.id(),
                c.entity(),
                c.name(),
                c.emails(),
                c.deliveryChannel(),
                c.apiUrl(),
                c.apiKeyEncrypted(),
                c.apiKeyHint(),
                false,
                false,
                c.updatedAt());
    }

    static CommandeBuilder commande(String id) {
        return new CommandeBuilder(id);
    }

    static PoolLead lead(String id, String phone, Instant receivedAt) {
        return new PoolLead(id, Entity.ZR7, Product.PV, "75", phone, receivedAt, List.of(), Set.of());
    }

    static PoolLead lead(String id, Entity entity, String departement, String phone, Instant receivedAt) {
        return new PoolLead(id, entity, Product.PV, departement, phone, receivedAt, List.of(), Set.of());
    }

    static PoolLead deliveredAt(PoolLead lead, Instant... at) {
        return new PoolLead(
                lead.leadId(),
                lead.entity(),
                lead.product(),
                lead.departement(),
                lead.phone(),
                lead.receivedAt(),
                List.of(at),
                lead.rejectedBy());
    }

    static PoolLead rejectedBy(PoolLead lead, String clientId) {
        return new PoolLead(
                lead.leadId(),
                lead.entity(),
                lead.product(),
                lead.departement(),
                lead.phone(),
                lead.receivedAt(),
                lead.deliveredAt(),
                Set.of(clientId));
    }

    static Delivery delivery(String phone, String clientId, String commandeId, Instant at) {
        return new Delivery(
                "old-" + phone + "-" + at, phone, Product.PV, clientId, commandeId, RunReference.parisDate(at), at);
    }

    /** {@code count} ledger lines of one commande on one run date. */
    static List<Delivery> deliveries(int count, String clientId, String commandeId, LocalDate date) {
        List<Delivery> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(delivery(
                    "07000000" + String.format("%02d", i) + date.getDayOfMonth(), clientId, commandeId, runAt(date)));
        }
        return list;
    }

    /** {@code count} Fresh leads received the day before {@code date}, one minute apart, phones 06000000xx. */
    static List<PoolLead> freshLeads(int count, LocalDate date) {
        List<PoolLead> list = new ArrayList<>();
        Instant first = runAt(date).minusSeconds(86_400);
        for (int i = 0; i < count; i++) {
            list.add(lead("f" + i, String.format("06%08d", i), first.plusSeconds(60L * i)));
        }
        return list;
    }

    static List<PlannedBatch> plan(
            LocalDate date, List<PoolLead> pool, List<CommandeSnapshot> commandes, List<Delivery> ledger) {
        Set<String> clientIds = new java.util.HashSet<>();
        commandes.forEach(c -> clientIds.add(c.clientId()));
        List<ClientSnapshot> clients = clientIds.stream()
                .map(id -> client(
                        id,
                        commandes.stream()
                                .filter(c -> c.clientId().equals(id))
                                .findFirst()
                                .orElseThrow()
                                .entity()))
                .toList();
        return new DailyRunPlanner().plan(new RunInput(Entity.ZR7, date, pool, commandes, clients, ledger));
    }

    static final class CommandeBuilder {
        private final String id;
        private Entity entity = Entity.ZR7;
        private String clientId = "cl-1";
        private Product product = Product.PV;
        private List<String> departements = List.of("75");
        private int weeklyQuota = 70;
        private List<DeliveryDay> days = List.of(DeliveryDay.values());
        private int lbMaxPercent = 0;
        private int priority = 1;
        private boolean crossEntity;
        private LocalDate startsOn = LocalDate.of(2026, 1, 1);
        private LocalDate endsOn;
        private boolean active = true;
        private boolean deleted;
        private Instant createdAt = CREATED;

        CommandeBuilder(String id) {
            this.id = id;
        }

        CommandeBuilder entity(Entity v) {
            entity = v;
            return this;
        }

        CommandeBuilder client(String v) {
            clientId = v;
            return this;
        }

        CommandeBuilder departements(String... v) {
            departements = List.of(v);
            return this;
        }

        CommandeBuilder quota(int v) {
            weeklyQuota = v;
            return this;
        }

        CommandeBuilder days(DeliveryDay... v) {
            days = List.of(v);
            return this;
        }

        CommandeBuilder lb(int percent) {
            lbMaxPercent = percent;
            return this;
        }

        CommandeBuilder priority(int v) {
            priority = v;
            return this;
        }

        CommandeBuilder crossEntity() {
            crossEntity = true;
            return this;
        }

        CommandeBuilder validity(LocalDate from, LocalDate to) {
            startsOn = from;
            endsOn = to;
            return this;
        }

        CommandeBuilder inactive() {
            active = false;
            return this;
        }

        CommandeBuilder deleted() {
            deleted = true;
            return this;
        }

        CommandeBuilder created(Instant v) {
            createdAt = v;
            return this;
        }

        /** A daily target of {@code n}: quota 7n delivered every day of the week, served on the Monday. */
        CommandeBuilder dailyTarget(int n) {
            weeklyQuota = 7 * n;
            days = List.of(DeliveryDay.values());
            return this;
        }

        CommandeSnapshot build() {
            return new CommandeSnapshot(
                    id,
                    entity,
                    clientId,
                    product,
                    departements,
                    weeklyQuota,
                    days,
                    lbMaxPercent,
                    priority,
                    crossEntity,
                    startsOn,
                    endsOn,
                    active,
                    deleted,
                    createdAt,
                    createdAt);
        }
    }
}
