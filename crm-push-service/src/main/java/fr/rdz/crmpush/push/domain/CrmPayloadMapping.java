package fr.rdz.crmpush.push.domain;

import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadProject;
import fr.rdz.events.LeadSource;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of one CRM POST, exactly as the original {@code send_to_crm} builds it (seed 000): {@code phone},
 * {@code register_date} (epoch seconds of the reception), {@code nom}, {@code prenom}, {@code email}
 * (empty string when absent), {@code civilite} only when present, and {@code custom_fields} as
 * {@code {crm_field: {value: "..."}}} for every non-empty mapped lead field, left out when there is none.
 */
public final class CrmPayloadMapping {

    /** Lead field (seed name) → CRM custom field, in the seed's order. */
    private static final Map<String, String> CUSTOM_FIELDS = seedMapping();

    private CrmPayloadMapping() {}

    private static Map<String, String> seedMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("departement", "departement");
        m.put("ville", "ville");
        m.put("adresse", "adresse");
        m.put("type_logement", "type_logement");
        m.put("statut_occupant", "statut_occupant");
        m.put("surface_habitable", "superficie_logement");
        m.put("annee_construction", "annee_construction");
        m.put("type_chauffage", "chauffage_actuel");
        m.put("facture_electricite", "facture_electricite");
        m.put("facture_chauffage", "facture_chauffage");
        m.put("type_projet", "type_projet");
        m.put("delai_projet", "delai_projet");
        m.put("budget", "budget");
        m.put("product_type", "product_type");
        m.put("lp_code", "lp_code");
        m.put("liaison_code", "liaison_code");
        m.put("utm_source", "utm_source");
        m.put("utm_medium", "utm_medium");
        m.put("utm_campaign", "utm_campaign");
        return Collections.unmodifiableMap(m);
    }

    /** The seed's lead-field → CRM-field mapping. */
    public static Map<String, String> customFieldNames() {
        return CUSTOM_FIELDS;
    }

    /**
     * The payload for {@code lead}; {@code batchProduct} stands in for the lead's product when it has none, and
     * {@code now} for its reception time.
     */
    public static Map<String, Object> payload(LeadData lead, Product batchProduct, Instant now) {
        LeadContact contact = lead.contact() == null ? emptyContact() : lead.contact();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("phone", contact.phone());
        Instant received = lead.receivedAt() == null ? now : lead.receivedAt();
        payload.put("register_date", received.getEpochSecond());
        payload.put("nom", orEmpty(contact.nom()));
        payload.put("prenom", orEmpty(contact.prenom()));
        payload.put("email", orEmpty(contact.email()));
        if (present(contact.civilite())) {
            payload.put("civilite", contact.civilite());
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        Function<String, String> field = fields(lead, contact, batchProduct);
        CUSTOM_FIELDS.forEach((leadField, crmField) -> {
            String value = field.apply(leadField);
            if (present(value)) {
                custom.put(crmField, Map.of("value", value));
            }
        });
        if (!custom.isEmpty()) {
            payload.put("custom_fields", custom);
        }
        return payload;
    }

    private static Function<String, String> fields(LeadData lead, LeadContact contact, Product batchProduct) {
        LeadProject p = lead.project();
        LeadSource s = lead.source();
        Product product = lead.product() != null ? lead.product() : batchProduct;
        return name -> switch (name) {
            case "departement" -> contact.departement();
            case "ville" -> contact.ville();
            case "adresse" -> contact.adresse();
            case "type_logement" -> p == null ? null : p.typeLogement();
            case "statut_occupant" -> p == null ? null : p.statutOccupant();
            case "surface_habitable" -> p == null ? null : p.surfaceHabitable();
            case "annee_construction" -> p == null ? null : p.anneeConstruction();
            case "type_chauffage" -> p == null ? null : p.typeChauffage();
            case "facture_electricite" -> p == null ? null : p.factureElectricite();
            case "facture_chauffage" -> p == null ? null : p.factureChauffage();
            case "type_projet" -> p == null ? null : p.typeProjet();
            case "delai_projet" -> p == null ? null : p.delaiProjet();
            case "budget" -> p == null ? null : p.budget();
            case "product_type" -> product == null ? null : product.name();
            case "lp_code" -> s == null ? null : s.lpCode();
            case "liaison_code" -> s == null ? null : s.liaisonCode();
            case "utm_source" -> s == null ? null : s.utmSource();
            case "utm_medium" -> s == null ? null : s.utmMedium();
            case "utm_campaign" -> s == null ? null : s.utmCampaign();
            default -> throw new IllegalArgumentException("Unmapped lead field " + name);
        };
    }

    private static LeadContact emptyContact() {
        return new LeadContact(null, null, null, null, null, null, null, null, null);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
