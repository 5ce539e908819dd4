package fr.rdz.routing.lead.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.Product;
import fr.rdz.routing.lead.application.ExplainingNonDelivery;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.lead.domain.WhyNotDelivered;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A lead as operators see it: summary fields first; the detail adds the whole lead and its history. */
@Schema(name = "Lead")
@JsonInclude(JsonInclude.Include.NON_NULL)
record LeadView(
        String id,
        String leadId,
        Entity entity,
        Product product,
        @Schema(description = "fresh, no_order, invalid, orphan, double_submit, no_consent, delivered, rejected")
                String status,
        @Schema(description = "status given by intake: pending, invalid_phone, missing_required, double_submit, orphan")
                String intakeStatus,
        String routingState,
        String reason,
        List<String> missingFields,
        List<String> eligibleCommandeIds,
        Instant receivedAt,
        String phone,
        String nom,
        String prenom,
        String email,
        String codePostal,
        String departement,
        String formCode,
        String lpCode,
        String liaisonCode,
        String utmSource,
        String utmCampaign,
        @Schema(description = "quality tier of its utm_campaign when routing received it") String qualityTier,
        List<DeliveryLine> deliveries,
        List<String> rejectedClientIds,
        boolean erased,
        LeadData lead,
        List<HistoryLine> history,
        @Schema(
                        description = "why the lead was not (or not yet) delivered: code, params and a French message; "
                                + "absent when delivered")
                WhyNotDelivered whyNotDelivered) {

    static LeadView summary(StoredLead d) {
        return of(d, false, null, Map.of());
    }

    static LeadView detail(StoredLead d) {
        return of(d, true, null, Map.of());
    }

    static LeadView detail(StoredLead d, ExplainingNonDelivery.Detail detail) {
        return of(d, true, detail.whyNotDelivered(), detail.clientNames());
    }

    private static final List<String> STEPS = List.of(
            "received",
            "routed",
            "delivered",
            "sent",
            "pushed",
            "duplicate",
            "retrying",
            "failed",
            "rejected",
            "erased");

    /** Events of different topics arrive in any order: the history is shown by time, then by step of the life cycle. */
    static List<StoredLead.Step> chronological(List<? extends StoredLead.Step> history) {
        if (history == null) {
            return List.of();
        }
        return history.stream()
                .<StoredLead.Step>map(h -> h)
                .sorted(Comparator.comparing(StoredLead.Step::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(h -> STEPS.indexOf(h.type())))
                .toList();
    }

    private static LeadView of(StoredLead d, boolean detail, WhyNotDelivered why, Map<String, String> clientNames) {
        LeadData l = d.lead();
        var c = l.contact();
        var s = l.source();
        return new LeadView(
                d.id(),
                d.id(),
                l.entity(),
                l.product(),
                d.status(),
                d.intakeStatus(),
                d.routingState(),
                d.reason(),
                d.missingFields(),
                d.eligibleCommandeIds(),
                l.receivedAt(),
                c == null ? null : c.phone(),
                c == null ? null : c.nom(),
                c == null ? null : c.prenom(),
                c == null ? null : c.email(),
                c == null ? null : c.codePostal(),
                c == null ? null : c.departement(),
                s == null ? null : s.formCode(),
                s == null ? null : s.lpCode(),
                s == null ? null : s.liaisonCode(),
                s == null ? null : s.utmSource(),
                s == null ? null : s.utmCampaign(),
                d.qualityTier(),
                d.deliveries() == null
                        ? null
                        : d.deliveries().stream().map(DeliveryLine::of).toList(),
                d.rejectedClientIds(),
                d.erased(),
                detail ? l : null,
                detail
                        ? chronological(d.history()).stream()
                                .map(h -> HistoryLine.of(h, clientNames))
                                .toList()
                        : null,
                why);
    }
}
