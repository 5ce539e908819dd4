package fr.rdz.delivery;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Object Mother of the integration tests: the catalog and routed leads routing would publish. */
public final class DeliveryFixtures {

    private DeliveryFixtures() {}

    public static ClientSnapshot client(String id) {
        return new ClientSnapshot(
                id,
                Entity.ZR7,
                "Client " + id,
                List.of(id + "@example.fr"),
                DeliveryChannel.BOTH,
                "http://localhost:9999/lead/api/create_lead/",
                "v1:ENCRYPTED-" + id,
                "****",
                true,
                false,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A commande of ZR7 PV for one département, valid on {@code date} only: with no other delivery day left
     * in its week, its target on that date is its whole weekly quota.
     */
    public static CommandeSnapshot commande(
            String id, String clientId, String departement, LocalDate date, int target) {
        return new CommandeSnapshot(
                id,
                Entity.ZR7,
                clientId,
                Product.PV,
                List.of(departement),
                target,
                List.of(DeliveryDay.values()),
                0,
                1,
                false,
                date,
                date,
                true,
                false,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static LeadRouted routed(
            String leadId, String phone, String departement, Instant receivedAt, RoutingState state) {
        LeadData sample = EventSamples.aLead();
        LeadContact c = sample.contact();
        LeadContact contact = new LeadContact(
                phone,
                c.civilite(),
                c.nom(),
                c.prenom(),
                c.email(),
                departement + "000",
                departement,
                c.ville(),
                c.adresse());
        LeadData lead = new LeadData(
                leadId,
                receivedAt,
                Entity.ZR7,
                Product.PV,
                contact,
                sample.project(),
                sample.source(),
                sample.consent());
        return new LeadRouted(lead, state, List.of(), null);
    }

    /** The batch of {@code commandeId} in a run as {@code /admin/runs} answers it. */
    public static Map<?, ?> batchOf(Map<?, ?> run, String commandeId) {
        return ((List<?>) run.get("batches"))
                .stream()
                        .map(b -> (Map<?, ?>) b)
                        .filter(b -> commandeId.equals(b.get("commande_id")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no batch for " + commandeId + " in " + run));
    }

    /** The lead ids of the batch of {@code commandeId} in a run as {@code /admin/runs} answers it. */
    public static List<Object> leadIdsOf(Map<?, ?> run, String commandeId) {
        return new java.util.ArrayList<>((List<?>) batchOf(run, commandeId).get("lead_ids"));
    }
}
