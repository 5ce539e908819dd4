package fr.rdz.routing.lead.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a delivery channel reported for one lead (sent, pushed, failed…), kept by event and lead
 * so that it reaches the lead's history even when it arrives before the lead's routing record.
 */
@Document("channel_history")
public record ChannelHistory(@Id String id, String leadId, HistoryEntry entry) {}
