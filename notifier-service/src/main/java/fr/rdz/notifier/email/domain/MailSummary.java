package fr.rdz.notifier.email.domain;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the templates of the batch e-mail can show: no personal data, only the batch's figures.
 * The model keys (documented in the README) are what an operator writes in a template.
 */
public record MailSummary(
        String entity,
        String product,
        String productLabel,
        String date,
        int count,
        int fresh,
        int lb,
        int crossEntity,
        String client,
        String fileName,
        List<Map<String, Object>> departements) {

    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static MailSummary of(DeliveryPlanned batch, String fileName) {
        Map<String, Integer> byDepartement = new TreeMap<>();
        int fresh = 0;
        int lb = 0;
        int cross = 0;
        for (PlannedLead planned : batch.leads()) {
            String dep =
                    planned.lead().departement() == null ? "?" : planned.lead().departement();
            byDepartement.merge(dep, 1, Integer::sum);
            if (planned.kind() == LeadKind.LB) {
                lb++;
            } else {
                fresh++;
            }
            if (planned.crossEntity()) {
                cross++;
            }
        }
        List<Map<String, Object>> departements = new ArrayList<>();
        byDepartement.forEach((code, n) -> departements.add(Map.of("code", code, "count", n)));
        return new MailSummary(
                batch.entity().name(),
                batch.product().name(),
                label(batch.product()),
                FRENCH_DATE.format(batch.runDate()),
                batch.leads().size(),
                fresh,
                lb,
                cross,
                batch.client().name(),
                fileName,
                departements);
    }

    /** The model handed to the template engine. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entity", entity);
        model.put("product", product);
        model.put("productLabel", productLabel);
        model.put("date", date);
        model.put("count", count);
        model.put("fresh", fresh);
        model.put("lb", lb);
        model.put("crossEntity", crossEntity);
        model.put("client", client == null ? "" : client);
        model.put("fileName", fileName);
        model.put("departements", departements);
        return model;
    }

    static String label(Product product) {
        return switch (product) {
            case PV -> "Panneaux solaires";
            case PAC -> "Pompe à chaleur";
            case ITE -> "Isolation thermique par l'extérieur";
        };
    }
}
