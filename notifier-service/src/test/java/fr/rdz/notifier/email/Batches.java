package fr.rdz.notifier.email;

import fr.rdz.events.BatchClient;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import java.time.LocalDate;
import java.util.List;

/** Object Mother of {@code DeliveryPlanned} batches, built on the contract samples of common-events. */
public final class Batches {

    public static final LocalDate DAY = LocalDate.parse("2026-11-20");

    private Batches() {}

    /** Éloïse Martin of the contract sample, a name that is a formula, and one with a separator and a leading dash. */
    public static List<PlannedLead> threeLeads(Entity entity) {
        LeadData sample = EventSamples.aLead();
        return List.of(
                new PlannedLead(lead(sample, entity, "lead-1", sample.contact()), LeadKind.FRESH, false),
                new PlannedLead(
                        lead(
                                sample,
                                entity,
                                "lead-2",
                                new LeadContact(
                                        "0798765432",
                                        "M.",
                                        "=HYPERLINK(\"http://evil.example\")",
                                        "Chloé",
                                        null,
                                        "13001",
                                        "13",
                                        "Marseille",
                                        null)),
                        LeadKind.FRESH,
                        false),
                new PlannedLead(
                        lead(
                                sample,
                                entity,
                                "lead-3",
                                new LeadContact(
                                        "0655443322",
                                        "Mme",
                                        "Le Gall; Ménard",
                                        "-Anaïs",
                                        "anais.legall@example.fr",
                                        "20200",
                                        "2B",
                                        "Bastia",
                                        null)),
                        LeadKind.LB,
                        true));
    }

    public static DeliveryPlanned batch(String batchId, Entity entity, BatchClient client, List<PlannedLead> leads) {
        return new DeliveryPlanned(
                batchId, "run-" + entity + "-" + DAY, DAY, entity, Product.PV, "cmd-" + batchId, client, leads);
    }

    public static BatchClient client(String id, String name, DeliveryChannel channel, String... emails) {
        return new BatchClient(id, name, List.of(emails), channel, null, null);
    }

    private static LeadData lead(LeadData sample, Entity entity, String id, LeadContact contact) {
        return new LeadData(
                id,
                sample.receivedAt(),
                entity,
                Product.PV,
                contact,
                sample.project(),
                sample.source(),
                sample.consent());
    }
}
