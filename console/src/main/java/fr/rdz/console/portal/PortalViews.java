package fr.rdz.console.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the buyers' portal pages show, read from the services' portal answers. */
final class PortalViews {

    private PortalViews() {}

    /** A commande's week: quota and progress. */
    record Commande(
            String id,
            String product,
            int weeklyQuota,
            int deliveredThisWeek,
            int remainingThisWeek,
            int todayTarget,
            String weekStart,
            String weekEnd,
            boolean active) {

        static Commande of(JsonNode c) {
            return new Commande(
                    c.path("commande_id").asText(),
                    c.path("product").asText(),
                    c.path("weekly_quota").asInt(),
                    c.path("delivered_this_week").asInt(),
                    c.path("remaining_this_week").asInt(),
                    c.path("today_target").asInt(),
                    c.path("week_start").asText(),
                    c.path("week_end").asText(),
                    c.path("active").asBoolean());
        }

        /** Delivered this week as a share of the quota, 0–100. */
        public int percent() {
            return weeklyQuota <= 0 ? 0 : Math.min(100, Math.round(100f * deliveredThisWeek / weeklyQuota));
        }
    }

    /** One delivered batch of a commande. */
    record Batch(String id, String date, String commandeId, String product, int delivered, List<String> leadIds) {

        /** Every batch of the buyer's commandes, newest first. */
        static List<Batch> all(JsonNode commandes) {
            List<Batch> out = new ArrayList<>();
            for (JsonNode c : commandes) {
                for (JsonNode b : c.path("last_batches")) {
                    List<String> ids = new ArrayList<>();
                    b.path("lead_ids").forEach(id -> ids.add(id.asText()));
                    if (!ids.isEmpty()) {
                        out.add(new Batch(
                                b.path("batch_id").asText(),
                                b.path("date").asText(),
                                c.path("commande_id").asText(),
                                c.path("product").asText(),
                                b.path("delivered").asInt(ids.size()),
                                List.copyOf(ids)));
                    }
                }
            }
            out.sort(Comparator.comparing(Batch::date).reversed().thenComparing(Batch::id));
            return out;
        }
    }

    /** A delivered lead as the buyer sees it, with its return. */
    record Lead(
            String id,
            String receivedAt,
            String product,
            String name,
            String phone,
            String email,
            String place,
            String deliveredAt,
            String returnableUntil,
            boolean returnable,
            String returnedReason,
            String returnedAt,
            String consentProofUrl) {

        static Lead of(JsonNode l) {
            String name = (l.path("prenom").asText("") + " " + l.path("nom").asText("")).trim();
            String place =
                    (l.path("code_postal").asText("") + " " + l.path("ville").asText("")).trim();
            JsonNode returned = l.path("returned");
            return new Lead(
                    l.path("lead_id").asText(),
                    text(l, "received_at"),
                    text(l, "product"),
                    name,
                    text(l, "phone"),
                    text(l, "email"),
                    place,
                    text(l, "delivered_at"),
                    text(l, "returnable_until"),
                    l.path("returnable").asBoolean(false),
                    returned.isMissingNode() || returned.isNull() ? null : text(returned, "reason"),
                    returned.isMissingNode() || returned.isNull() ? null : text(returned, "at"),
                    text(l, "consent_proof_url"));
        }

        public boolean returned() {
            return returnedReason != null || returnedAt != null;
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.path(field);
            return v.isMissingNode() || v.isNull() ? null : v.asText();
        }
    }

    /** A reason a buyer may give (routing's list). */
    record Reason(String code, String label) {}
}
