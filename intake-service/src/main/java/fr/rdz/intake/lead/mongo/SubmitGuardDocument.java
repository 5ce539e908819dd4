package fr.rdz.intake.lead.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first submission of a session + phone: {@code _id} {@code <session_id>|<phone>} is unique, so
 * two concurrent clicks cannot both be first. Old guards are purged by {@link LeadStore#purgeGuards}.
 */
@Document("submit_guards")
public record SubmitGuardDocument(@Id String id, String leadId, Instant at) {}
