package fr.rdz.crmpush.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmPayloadMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:30:00Z");

    @Test
    void buildsTheSeedPayloadWithEveryMappedCustomField() {
        Map<String, Object> payload = CrmPayloadMapping.payload(EventSamples.aLead(), Product.PV, NOW);

        assertThat(payload)
                .containsEntry("phone", "0612345678")
                .containsEntry(
                        "register_date", Instant.parse("2026-11-19T14:02:11Z").getEpochSecond())
                .containsEntry("nom", "Martin")
                .containsEntry("prenom", "Éloïse")
                .containsEntry("email", "eloise.martin@example.fr")
                .containsEntry("civilite", "Mme");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("departement", Map.of("value", "75"));
        expected.put("ville", Map.of("value", "Paris"));
        expected.put("adresse", Map.of("value", "12 rue Oberkampf"));
        expected.put("type_logement", Map.of("value", "maison"));
        expected.put("statut_occupant", Map.of("value", "proprietaire"));
        expected.put("superficie_logement", Map.of("value", "120"));
        expected.put("annee_construction", Map.of("value", "1985"));
        expected.put("chauffage_actuel", Map.of("value", "fioul"));
        expected.put("facture_electricite", Map.of("value", "150"));
        expected.put("facture_chauffage", Map.of("value", "200"));
        expected.put("type_projet", Map.of("value", "installation"));
        expected.put("delai_projet", Map.of("value", "3 mois"));
        expected.put("budget", Map.of("value", "15000"));
        expected.put("product_type", Map.of("value", "PV"));
        expected.put("lp_code", Map.of("value", "LP-001"));
        expected.put("liaison_code", Map.of("value", "LP-001_PV-001"));
        expected.put("utm_source", Map.of("value", "google"));
        expected.put("utm_medium", Map.of("value", "cpc"));
        expected.put("utm_campaign", Map.of("value", "solaire-idf"));
        assertThat(payload.get("custom_fields")).isEqualTo(expected);
        assertThat(payload.keySet())
                .containsExactly("phone", "register_date", "nom", "prenom", "email", "civilite", "custom_fields");
    }

    @Test
    void leavesOutCiviliteEmptyFieldsAndEmptyCustomFields() {
        LeadData sample = EventSamples.aLead();
        LeadData bare = new LeadData(
                "l-1",
                null,
                null,
                null,
                new LeadContact("0699999999", "", null, "Jean", null, null, null, null, null),
                new LeadProject(null, null, "", null, null, null, null, null, null, null, null),
                null,
                sample.consent());

        Map<String, Object> payload = CrmPayloadMapping.payload(bare, null, NOW);

        assertThat(payload).containsOnlyKeys("phone", "register_date", "nom", "prenom", "email");
        assertThat(payload)
                .containsEntry("nom", "")
                .containsEntry("email", "")
                .containsEntry("register_date", NOW.getEpochSecond());
    }

    @Test
    void usesTheBatchProductWhenTheLeadHasNone() {
        LeadData s = EventSamples.aLead();
        LeadData noProduct = new LeadData(s.leadId(), s.receivedAt(), s.entity(), null, s.contact(), null, null, null);

        Map<String, Object> payload = CrmPayloadMapping.payload(noProduct, Product.PAC, NOW);

        assertThat(payload.get("custom_fields").toString()).contains("product_type={value=PAC}");
    }
}
