package fr.rdz.intake.lead.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One lead still to publish, in the small {@code lead_outbox} collection the relay's sweep reads
 * instead of every stored lead. Keyed by the lead id: written (and acknowledged) <em>before</em>
 * the lead itself, deleted only once the broker acknowledged the lead's {@code LeadReceived} and
 * the lead was marked published. The event (id, payload) stays in the lead document: an entry is
 * only a pointer, read back by {@code _id}.
 *
 * @param id the lead id
 * @param queuedAt when the entry was written (an entry whose lead never arrived is dropped once old enough)
 * @param checkAt when the sweep may look at it next (postponed while its lead is not written yet)
 */
@Document("lead_outbox")
public record OutboxEntryDocument(@Id String id, Instant queuedAt, Instant checkAt) {}
