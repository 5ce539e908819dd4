package fr.rdz.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sample envelope per event type: the source of the checked-in contract files under
 * {@code contracts/}, and fixtures for every consumer's tests (test-jar).
 */
public final class EventSamples {

    public static final Instant AT = Instant.parse("2026-11-20T08:30:00Z");

    private EventSamples() {}

    public static LeadData aLead() {
        return new LeadData(
                "8f1d2c3b-0000-4000-8000-000000000001",
                Instant.parse("2026-11-19T14:02:11Z"),
                Entity.ZR7,
                Product.PV,
                new LeadContact(
                        "0612345678",
                        "Mme",
                        "Martin",
                        "Éloïse",
                        "eloise.martin@example.fr",
                        "75011",
                        "75",
                        "Paris",
                        "12 rue Oberkampf"),
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
                        "5b7e0d8a-0000-4000-8000-000000000002",
                        "PV-001",
                        "LP-001",
                        "LP-001_PV-001",
                        "google",
                        "cpc",
                        "solaire-idf",
                        "banner-a",
                        "panneaux solaires",
                        "gclid-123",
                        null,
                        "https://www.google.fr/"),
                new ConsentProof(
                        true,
                        "J'accepte d'être recontacté(e) par téléphone au sujet de mon projet.",
                        "https://solaire.example.fr/formulaire",
                        "203.0.113.42",
                        "Mozilla/5.0 (X11; Linux x86_64)",
                        Instant.parse("2026-11-19T14:02:11Z"),
                        "CT-0001"));
    }

    public static BatchClient aClient() {
        return new BatchClient(
                "c-0001",
                "Solaire Pro",
                List.of("leads@solaire-pro.example.fr"),
                DeliveryChannel.BOTH,
                "http://localhost:9999/lead/api/create_lead/",
                "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    /** Every sample, by logical event type name. */
    public static Map<String, Envelope<?>> all() {
        LeadData lead = aLead();
        return Map.ofEntries(
                sample(
                        "00000000-0000-4000-8000-000000000010",
                        new LeadReceived(lead, LeadStatus.PENDING, List.of(), null, LeadReceived.ORIGIN_PUBLIC),
                        "intake-service"),
                sample(
                        "00000000-0000-4000-8000-000000000011",
                        new LeadRouted(lead, RoutingState.FRESH, List.of("cmd-0001"), null, List.of("c-0001")),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000012",
                        new LeadRejected(
                                lead.leadId(),
                                lead.phone(),
                                Product.PV,
                                Entity.ZR7,
                                "c-0001",
                                "b-0001",
                                "Numéro injoignable",
                                AT),
                        "routing-service"),
                sample("00000000-0000-4000-8000-000000000013", new PersonErased("0612345678", AT), "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000022",
                        new ConsentWithdrawn("lead-1", "0612345678", Entity.ZR7, AT, List.of("client-1")),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000014",
                        new FormSnapshot(
                                "PV-001",
                                Entity.ZR7,
                                Product.PV,
                                "Solaire IDF",
                                "LP-001",
                                "https://solaire.example.fr/merci",
                                CatalogStatus.ACTIVE,
                                AT,
                                "CT-0001"),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000015",
                        new LpSnapshot(
                                "LP-001",
                                Entity.ZR7,
                                "Solaire IDF",
                                "https://solaire.example.fr/",
                                "PV-001",
                                CatalogStatus.ACTIVE,
                                AT),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000016",
                        new ClientSnapshot(
                                "c-0001",
                                Entity.ZR7,
                                "Solaire Pro",
                                List.of("leads@solaire-pro.example.fr"),
                                DeliveryChannel.BOTH,
                                "http://localhost:9999/lead/api/create_lead/",
                                "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                "****1234",
                                true,
                                false,
                                AT),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000017",
                        new CommandeSnapshot(
                                "cmd-0001",
                                Entity.ZR7,
                                "c-0001",
                                Product.PV,
                                List.of("75", "92", "93"),
                                50,
                                List.of(DeliveryDay.MON, DeliveryDay.WED, DeliveryDay.FRI),
                                20,
                                1,
                                false,
                                LocalDate.parse("2026-11-01"),
                                null,
                                true,
                                false,
                                AT,
                                AT),
                        "routing-service"),
                sample(
                        "00000000-0000-4000-8000-000000000018",
                        new DeliveryPlanned(
                                "b-0001",
                                "run-ZR7-2026-11-20",
                                LocalDate.parse("2026-11-20"),
                                Entity.ZR7,
                                Product.PV,
                                "cmd-0001",
                                aClient(),
                                List.of(new PlannedLead(lead, LeadKind.FRESH, false)),
                                1,
                                1,
                                1),
                        "delivery-service"),
                sample(
                        "00000000-0000-4000-8000-000000000019",
                        new LeadDelivered(
                                lead.leadId(),
                                lead.phone(),
                                Product.PV,
                                Entity.ZR7,
                                Entity.ZR7,
                                "c-0001",
                                "cmd-0001",
                                "b-0001",
                                "run-ZR7-2026-11-20",
                                LocalDate.parse("2026-11-20"),
                                AT,
                                LeadKind.FRESH,
                                false),
                        "delivery-service"),
                sample(
                        "00000000-0000-4000-8000-000000000021",
                        new RunCompleted(
                                "run-ZR7-2026-11-20",
                                Entity.ZR7,
                                LocalDate.parse("2026-11-20"),
                                AT,
                                List.of(new BatchSummary(
                                        "b-0001", "cmd-0001", "c-0001", Product.PV, 10, 7, 2, 0, 3, true))),
                        "delivery-service"),
                sample(
                        "00000000-0000-4000-8000-000000000020",
                        new DeliveryOutcome(
                                "b-0001",
                                "run-ZR7-2026-11-20",
                                Entity.ZR7,
                                "c-0001",
                                OutcomeChannel.API,
                                List.of(lead.leadId()),
                                OutcomeStatus.SUCCESS,
                                null,
                                1,
                                AT),
                        "crm-push-service"));
    }

    private static Map.Entry<String, Envelope<?>> sample(String eventId, RdzEvent payload, String producer) {
        Envelope<?> envelope = Envelope.of(UUID.fromString(eventId), payload, producer, AT);
        return Map.entry(envelope.eventType(), envelope);
    }
}
