package fr.rdz.delivery.run.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.PlannedLead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rule "no Kafka record may exceed the broker's limits" for a batch: its DeliveryPlanned is cut
 * into parts, in lead order, each filled up to {@code partBytes} measured on the encoded envelope
 * (bytes, not a count of leads: leads differ in size). A batch that fits is one event without part
 * fields, as before; a bigger one is parts 1…n of n, each with the batch's fields and its slice of
 * the leads. Every part is checked against {@code maxRecordBytes} once encoded; a single lead too
 * big for a record on its own is refused here, at planning, rather than at the broker.
 */
public final class SplittingBatchEvent {

    /** One part, encoded: the JSON envelope (event id fixed) and the leads it carries. */
    public record Part(int number, String envelopeJson, int bytes, List<PlannedLead> leads) {}

    private final int partBytes;
    private final int maxRecordBytes;

    public SplittingBatchEvent(int partBytes, int maxRecordBytes) {
        if (partBytes <= 0 || partBytes > maxRecordBytes) {
            throw new IllegalArgumentException("part size " + partBytes + " must be in 1…" + maxRecordBytes);
        }
        this.partBytes = partBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    public List<Part> split(DeliveryPlanned whole, String producer, Instant at, Supplier<UUID> eventIds) {
        List<PlannedLead> leads = whole.leads();
        UUID firstId = eventIds.get();
        byte[] single = envelope(whole, producer, at, firstId);
        if (single.length <= partBytes) {
            return List.of(new Part(1, new String(single, StandardCharsets.UTF_8), single.length, leads));
        }
        int total = leads.size();
        // the envelope without leads, with room for the part fields ("part":N,"parts":N,"batch_lead_count":N)
        int frame = size(envelope(whole.asPart(total, total, List.of(), total), producer, at, UUID.randomUUID()));
        List<List<PlannedLead>> slices = new ArrayList<>();
        List<PlannedLead> current = new ArrayList<>();
        int currentBytes = frame;
        for (PlannedLead lead : leads) {
            int leadBytes = size(lead) + 1; // its comma
            if (!current.isEmpty() && currentBytes + leadBytes > partBytes) {
                slices.add(current);
                current = new ArrayList<>();
                currentBytes = frame;
            }
            current.add(lead);
            currentBytes += leadBytes;
        }
        slices.add(current);
        List<Part> parts = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            parts.add(encode(
                    i + 1,
                    whole.asPart(i + 1, slices.size(), slices.get(i), total),
                    producer,
                    at,
                    i == 0 ? firstId : eventIds.get()));
        }
        return parts;
    }

    private Part encode(int number, DeliveryPlanned event, String producer, Instant at, UUID eventId) {
        byte[] json = envelope(event, producer, at, eventId);
        if (json.length > maxRecordBytes) {
            throw new IllegalStateException("batch " + event.batchId() + " part " + number + " is " + json.length
                    + " bytes, over the " + maxRecordBytes + "-byte limit of a Kafka record"
                    + (event.leads().size() == 1 ? " with a single lead" : ""));
        }
        return new Part(number, new String(json, StandardCharsets.UTF_8), json.length, event.leads());
    }

    private static byte[] envelope(DeliveryPlanned event, String producer, Instant at, UUID eventId) {
        return EventCodec.encode(Envelope.of(eventId, event, producer, at));
    }

    private static int size(byte[] json) {
        return json.length;
    }

    private static int size(PlannedLead lead) {
        try {
            return EventCodec.mapper().writeValueAsBytes(lead).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead " + lead.lead().leadId() + " cannot be encoded", e);
        }
    }
}
