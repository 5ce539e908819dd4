package fr.rdz.events;

import java.util.List;

/**
 * A lead reached {@code POST /public/leads} (or the import) and is stored. Published for every
 * status, at least once, through intake's outbox. {@code missing_fields} lists what a
 * {@code missing_required} lead lacks; {@code original_lead_id} is the lead a {@code double_submit}
 * repeats; {@code origin} is {@code public} or {@code import}.
 */
public record LeadReceived(
        LeadData lead, LeadStatus status, List<String> missingFields, String originalLeadId, String origin)
        implements IntakeEvent {

    public static final String ORIGIN_PUBLIC = "public";
    public static final String ORIGIN_IMPORT = "import";

    @Override
    public String key() {
        return lead.phone();
    }

    @Override
    public Entity entity() {
        return lead.entity();
    }
}
