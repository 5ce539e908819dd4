package fr.rdz.routing.lead.domain;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.rules.FreshWindow;
import fr.rdz.rules.ParisCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a lead was not (or not yet) delivered, as a code, its parameters and a French sentence an
 * operator can read: the lead's own state first (erased, rejected, no consent, invalid, double
 * submit, orphan), then routing's decision (no commande, 30-day duplicate, earlier rejection, client
 * not named by the consent text), then
 * what the runs after its arrival did with its commandes (cut-off, quota reached, LB cap, not
 * selected, no batch). {@code null} when the lead was delivered and not rejected.
 */
public record WhyNotDelivered(String code, Map<String, Object> params, String message) {

    private static final ZoneId PARIS = ParisCalendar.PARIS;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A rejection of the lead by a client. */
    public record Rejection(String clientId, String reason, Instant at) {}

    /** A run of the lead's entity as {@code RunCompleted} reported it. */
    public record Run(String runId, LocalDate runDate, Instant plannedAt, List<BatchSummary> batches) {}

    /** Everything known about the lead, its routing and the runs of its entity since it arrived. */
    public record Facts(
            String status,
            String intakeStatus,
            String routingState,
            String reason,
            List<String> missingFields,
            String originalLeadId,
            boolean erased,
            boolean delivered,
            Rejection rejection,
            Entity entity,
            Product product,
            String departement,
            String formCode,
            Instant receivedAt,
            List<String> eligibleCommandeIds,
            List<Exclusion> exclusions,
            List<Run> runs,
            Map<String, String> clientNames,
            Map<String, Integer> lbMaxPercent) {}

    public static WhyNotDelivered explain(Facts f) {
        if (f.erased()) {
            return of("erased", Map.of(), "Données personnelles effacées : le lead ne peut plus être livré.");
        }
        if (f.reason() != null && f.reason().startsWith(RoutingDecision.WITHDRAWN_REASON)) {
            // before "delivered": a lead delivered before the opposition is never delivered again
            return of(
                    "consent_withdrawn",
                    Map.of(),
                    "Consentement retiré par le prospect (opposition) : le lead n'est plus distribué.");
        }
        if (f.rejection() != null && "rejected".equals(f.status())) {
            Rejection r = f.rejection();
            Map<String, Object> p = params(
                    "client_id",
                    r.clientId(),
                    "client_name",
                    name(f, r.clientId()),
                    "reason",
                    r.reason(),
                    "at",
                    r.at());
            return of(
                    "rejected_by_client",
                    p,
                    "Rejeté par le client " + name(f, r.clientId()) + (r.at() == null ? "" : " le " + date(r.at()))
                            + (r.reason() == null ? "." : " : " + r.reason() + "."));
        }
        if (f.delivered()) {
            return null;
        }
        if (is(f, "no_consent")
                || (f.reason() != null
                        && f.reason().toLowerCase().contains("consent")
                        && !f.reason().startsWith(Exclusion.NOT_COVERED_BY_CONSENT))) {
            return of("no_consent", Map.of(), "Pas de consentement du prospect : le lead n'est pas distribué.");
        }
        if (is(f, "invalid_phone")) {
            return of("invalid", params("reason", "invalid_phone"), "Lead invalide : numéro de téléphone incorrect.");
        }
        if (is(f, "missing_required") || "invalid".equals(f.routingState())) {
            List<String> missing = f.missingFields() == null ? List.of() : f.missingFields();
            return of(
                    "invalid",
                    params("reason", "missing_required", "missing_fields", missing),
                    "Lead invalide : champ(s) obligatoire(s) manquant(s)"
                            + (missing.isEmpty() ? "." : " : " + String.join(", ", missing) + "."));
        }
        if (is(f, "double_submit")) {
            return of(
                    "double_submit",
                    params("original_lead_id", f.originalLeadId()),
                    "Double soumission (même session et même téléphone en moins de 5 secondes) : seul le premier"
                            + " envoi est distribué.");
        }
        if (is(f, "orphan")) {
            return of(
                    "orphan",
                    params("form_code", f.formCode()),
                    "Formulaire inconnu" + (f.formCode() == null ? "" : " (" + f.formCode() + ")")
                            + " : le lead n'a ni entité ni produit, il n'est pas distribué.");
        }
        if ("no_order".equals(f.routingState())) {
            return noOrder(f);
        }
        return runs(f);
    }

    private static WhyNotDelivered noOrder(Facts f) {
        List<Exclusion> exclusions = f.exclusions() == null ? List.of() : f.exclusions();
        Optional<Exclusion> rejected = exclusions.stream()
                .filter(e -> Exclusion.REJECTED.equals(e.reason()))
                .findFirst();
        List<Exclusion> duplicates = exclusions.stream()
                .filter(e -> Exclusion.DUPLICATE.equals(e.reason()))
                .toList();
        if (!duplicates.isEmpty()) {
            Exclusion first = duplicates.stream()
                    .max(Comparator.comparing(Exclusion::until, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElseThrow();
            List<Map<String, Object>> clients = duplicates.stream()
                    .map(e -> params(
                            "client_id", e.clientId(),
                            "client_name", name(f, e.clientId()),
                            "commande_id", e.commandeId(),
                            "until", e.until() == null ? null : day(e.until())))
                    .toList();
            Map<String, Object> p = params(
                    "client_id",
                    first.clientId(),
                    "client_name",
                    name(f, first.clientId()),
                    "until",
                    first.until() == null ? null : day(first.until()),
                    "clients",
                    clients);
            String names = String.join(
                    ", ",
                    duplicates.stream()
                            .map(e -> name(f, e.clientId()))
                            .distinct()
                            .toList());
            return of(
                    "duplicate",
                    p,
                    "Doublon : ce téléphone a déjà été livré pour ce produit dans les 30 derniers jours à " + names
                            + (first.until() == null
                                    ? "."
                                    : " (pas de nouvelle livraison avant le " + date(first.until()) + ")."));
        }
        if (rejected.isPresent()) {
            Exclusion r = rejected.get();
            return of(
                    "client_rejected_before",
                    params(
                            "client_id",
                            r.clientId(),
                            "client_name",
                            name(f, r.clientId()),
                            "commande_id",
                            r.commandeId()),
                    "Le client " + name(f, r.clientId()) + " a déjà rejeté un lead de cette personne pour ce produit :"
                            + " il ne lui est plus proposé.");
        }
        List<Exclusion> notCovered = exclusions.stream()
                .filter(e -> Exclusion.NOT_COVERED_BY_CONSENT.equals(e.reason()))
                .toList();
        if (!notCovered.isEmpty()) {
            List<Map<String, Object>> clients = notCovered.stream()
                    .map(e -> params(
                            "client_id", e.clientId(),
                            "client_name", name(f, e.clientId()),
                            "commande_id", e.commandeId()))
                    .toList();
            String names = String.join(
                    ", ",
                    notCovered.stream()
                            .map(e -> name(f, e.clientId()))
                            .distinct()
                            .toList());
            return of(
                    Exclusion.NOT_COVERED_BY_CONSENT,
                    params("clients", clients),
                    "Hors consentement : le texte de consentement accepté par le prospect ne nomme pas " + names
                            + ", le lead ne peut pas lui être livré.");
        }
        return of(
                "no_order",
                params("entity", f.entity(), "product", f.product(), "departement", f.departement()),
                "Aucune commande en vigueur pour le département " + f.departement() + " et le produit " + f.product()
                        + (f.entity() == null ? "" : " (" + f.entity() + ")") + " à sa réception.");
    }

    private static WhyNotDelivered runs(Facts f) {
        List<String> eligible = f.eligibleCommandeIds() == null ? List.of() : f.eligibleCommandeIds();
        LocalDate arrival = f.receivedAt() == null ? null : day(f.receivedAt());
        List<Run> runs = f.runs() == null ? List.of() : f.runs();
        Optional<Run> after = runs.stream()
                .filter(r -> r.plannedAt() != null
                        && f.receivedAt() != null
                        && r.plannedAt().isAfter(f.receivedAt()))
                .max(Comparator.comparing(Run::runDate));
        if (after.isEmpty()) {
            Optional<Run> sameDay = runs.stream()
                    .filter(r -> Objects.equals(r.runDate(), arrival))
                    .findFirst();
            if (sameDay.isPresent()) {
                Run r = sameDay.get();
                return of(
                        "after_cutoff",
                        params("run_id", r.runId(), "run_date", r.runDate(), "planned_at", r.plannedAt()),
                        "Reçu après le run du " + DATE.format(r.runDate()) + " (planifié à "
                                + TIME.format(r.plannedAt().atZone(PARIS)) + ") : il attend le prochain run.");
            }
            return of(
                    "waiting_for_run",
                    params("eligible_commande_ids", eligible),
                    "En attente du prochain run : éligible pour " + eligible.size() + " commande(s).");
        }
        Run run = after.get();
        List<BatchSummary> batches = run.batches() == null
                ? List.of()
                : run.batches().stream()
                        .filter(b -> eligible.contains(b.commandeId()))
                        .toList();
        if (batches.isEmpty()) {
            return of(
                    "no_batch",
                    params("run_id", run.runId(), "run_date", run.runDate(), "eligible_commande_ids", eligible),
                    "Le run du " + DATE.format(run.runDate()) + " n'a servi aucune de ses commandes (jour sans"
                            + " livraison, commande terminée ou suspendue).");
        }
        boolean allFull = batches.stream().allMatch(WhyNotDelivered::full);
        BatchSummary first = batches.get(0);
        if (allFull) {
            return of(
                    "quota_reached",
                    params(
                            "run_id", run.runId(),
                            "run_date", run.runDate(),
                            "commande_id", first.commandeId(),
                            "client_id", first.clientId(),
                            "client_name", name(f, first.clientId()),
                            "target", first.target(),
                            "delivered", delivered(first)),
                    "Quota atteint : au run du " + DATE.format(run.runDate()) + ", le lot de "
                            + name(f, first.clientId())
                            + " était complet (" + delivered(first) + "/" + first.target() + ")"
                            + (batches.size() > 1 ? ", comme ceux de ses autres commandes." : "."));
        }
        // LB at that run as delivery's planner saw it: out of the shared Fresh window at the run's reference
        boolean lb = f.receivedAt() != null
                && !FreshWindow.isFresh(f.receivedAt(), ParisCalendar.runReference(run.runDate()));
        if (lb) {
            for (BatchSummary b : batches) {
                Integer percent =
                        f.lbMaxPercent() == null ? null : f.lbMaxPercent().get(b.commandeId());
                if (percent != null && !full(b)) {
                    int max = b.target() * percent / 100;
                    if (b.lb() >= max) {
                        return of(
                                "lb_cap",
                                params(
                                        "run_id", run.runId(),
                                        "run_date", run.runDate(),
                                        "commande_id", b.commandeId(),
                                        "client_id", b.clientId(),
                                        "client_name", name(f, b.clientId()),
                                        "lb", b.lb(),
                                        "lb_max", max),
                                "Plafond LB atteint : lead de plus de 8 jours (LB), et le lot de "
                                        + name(f, b.clientId())
                                        + " au run du " + DATE.format(run.runDate()) + " avait déjà " + b.lb()
                                        + " lead(s) LB sur " + max + " autorisé(s).");
                    }
                }
            }
        }
        BatchSummary shortBatch =
                batches.stream().filter(b -> !full(b)).findFirst().orElse(first);
        return of(
                "not_selected",
                params(
                        "run_id", run.runId(),
                        "run_date", run.runDate(),
                        "commande_id", shortBatch.commandeId(),
                        "client_id", shortBatch.clientId(),
                        "client_name", name(f, shortBatch.clientId()),
                        "target", shortBatch.target(),
                        "delivered", delivered(shortBatch)),
                "Non retenu au run du " + DATE.format(run.runDate()) + " alors que le lot de "
                        + name(f, shortBatch.clientId()) + " était incomplet (" + delivered(shortBatch) + "/"
                        + shortBatch.target() + ") : écarté au moment du run (doublon ou livré ailleurs).");
    }

    private static boolean full(BatchSummary b) {
        return b.target() <= 0 || delivered(b) >= b.target();
    }

    private static int delivered(BatchSummary b) {
        return b.fresh() + b.lb() + b.crossEntity();
    }

    private static boolean is(Facts f, String value) {
        return value.equals(f.status()) || value.equals(f.intakeStatus()) || value.equals(f.routingState());
    }

    private static String name(Facts f, String clientId) {
        String name = f.clientNames() == null ? null : f.clientNames().get(clientId);
        return name == null ? clientId : name;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PARIS);
    }

    private static String date(Instant at) {
        return DATE.format(at.atZone(PARIS));
    }

    /** Key-value pairs, null values left out. */
    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                p.put((String) kv[i], kv[i + 1] instanceof Enum<?> e ? e.name() : kv[i + 1]);
            }
        }
        return p;
    }

    private static WhyNotDelivered of(String code, Map<String, Object> params, String message) {
        return new WhyNotDelivered(code, params, message);
    }
}
