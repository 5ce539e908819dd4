package fr.rdz.routing.catalog.application;

import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** What an operator sends to create or replace a commande. */
@Schema(description = "A client's standing weekly order for one product (create the client first and use its id).")
public record CommandeTerms(
        @Schema(
                        description = "Must be the client's entity",
                        example = "ZR7",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                Entity entity,
        @Schema(
                        description = "id returned by POST /admin/clients",
                        example = "3f0c9a6e-5d4b-4c1e-9a43-1f2d3c4b5a69",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String clientId,
        @Schema(description = "PV, PAC or ITE", example = "PV", requiredMode = Schema.RequiredMode.REQUIRED)
                Product product,
        @Schema(
                        description = "Départements 01…95, 2A, 2B; [\"*\"] for all",
                        example = "[\"75\", \"92\", \"93\"]",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                List<String> departements,
        @Schema(
                        description = "Leads per ISO week (0 or more)",
                        example = "50",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                Integer weeklyQuota,
        @Schema(
                        description = "Days the client receives leads",
                        example = "[\"MON\", \"WED\", \"FRI\"]",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                List<DeliveryDay> deliveryDays,
        @Schema(
                        description = "Max share of a batch taken from the lead backlog, 0–100",
                        example = "20",
                        defaultValue = "0")
                Integer lbMaxPercent,
        @Schema(description = "Lower is served first", example = "1", defaultValue = "1") Integer priority,
        @Schema(
                        description = "May be completed with leads of the other entity",
                        example = "false",
                        defaultValue = "false")
                Boolean allowCrossEntity,
        @Schema(description = "First day in force (default: today)", example = "2026-11-01", nullable = true)
                LocalDate startsOn,
        @Schema(description = "Last day in force; null = open-ended", nullable = true) LocalDate endsOn,
        @Schema(example = "true", defaultValue = "true") Boolean active) {}
