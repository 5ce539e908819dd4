package fr.rdz.routing.catalog.web;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.application.Client;
import fr.rdz.routing.catalog.application.Form;
import fr.rdz.routing.catalog.application.Lp;
import fr.rdz.routing.catalog.application.StoredCommande;
import fr.rdz.routing.stats.application.FormCards;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the admin API answers for catalog items (snake_case JSON). Never the API key itself. */
final class CatalogViews {

    private CatalogViews() {}

    @Schema(name = "Lp")
    record LpView(
            String code,
            Entity entity,
            String name,
            String url,
            String formCode,
            String liaisonCode,
            CatalogStatus status,
            Instant createdAt,
            Instant updatedAt) {
        static LpView of(Lp d) {
            return new LpView(
                    d.code(),
                    d.entity(),
                    d.name(),
                    d.url(),
                    d.formCode(),
                    d.formCode() == null ? null : d.code() + "_" + d.formCode(),
                    d.status(),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    @Schema(name = "Form")
    record FormView(
            String code,
            Entity entity,
            Product product,
            String name,
            String lpCode,
            String liaisonCode,
            String redirectUrl,
            CatalogStatus status,
            Instant createdAt,
            Instant updatedAt,
            @Schema(
                            description =
                                    "the card's figures since its last reset (received, valid, invalid, "
                                            + "double_submit, routed, no_order, delivered, delivered_fresh, delivered_lb, rejected, since)")
                    Map<String, Object> stats,
            String consentTextVersion) {
        static FormView of(Form d, FormCards.Card card) {
            Map<String, Object> stats = null;
            if (card != null) {
                stats = new LinkedHashMap<>(card.counts());
                stats.put("since", card.since());
            }
            return new FormView(
                    d.code(),
                    d.entity(),
                    d.product(),
                    d.name(),
                    d.lpCode(),
                    d.lpCode() == null ? null : d.lpCode() + "_" + d.code(),
                    d.redirectUrl(),
                    d.status(),
                    d.createdAt(),
                    d.updatedAt(),
                    stats,
                    d.consentTextVersion());
        }
    }

    @Schema(name = "Client", description = "A client; the API key is never returned, only its masked hint")
    record ClientView(
            String id,
            Entity entity,
            String name,
            List<String> emails,
            DeliveryChannel deliveryChannel,
            String apiUrl,
            @Schema(description = "Masked API key", example = "****cdef") String apiKeyHint,
            boolean hasApiKey,
            boolean active,
            boolean deleted,
            Instant createdAt,
            Instant updatedAt) {
        static ClientView of(Client d) {
            return new ClientView(
                    d.id(),
                    d.entity(),
                    d.name(),
                    d.emails(),
                    d.deliveryChannel(),
                    d.apiUrl(),
                    d.apiKeyHint(),
                    d.apiKeyEncrypted() != null,
                    d.active(),
                    d.deleted(),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    @Schema(name = "Commande")
    record CommandeView(
            String id,
            Entity entity,
            String clientId,
            Product product,
            List<String> departements,
            int weeklyQuota,
            List<DeliveryDay> deliveryDays,
            int lbMaxPercent,
            int priority,
            boolean allowCrossEntity,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean active,
            boolean deleted,
            Instant createdAt,
            Instant updatedAt) {
        static CommandeView of(StoredCommande d) {
            return new CommandeView(
                    d.id(),
                    d.entity(),
                    d.clientId(),
                    d.product(),
                    d.departements(),
                    d.weeklyQuota(),
                    d.deliveryDays(),
                    d.lbMaxPercent(),
                    d.priority(),
                    d.allowCrossEntity(),
                    d.startsOnDate(),
                    d.endsOnDate(),
                    d.active(),
                    d.deleted(),
                    d.createdAt(),
                    d.updatedAt());
        }
    }
}
