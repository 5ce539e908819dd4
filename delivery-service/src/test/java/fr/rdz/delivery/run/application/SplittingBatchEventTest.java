package fr.rdz.delivery.run.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SplittingBatchEventTest {

    private static final Instant AT = Instant.parse("2030-05-14T07:30:00Z");

    @Test
    void aBatchThatFitsIsOneEventPartOneOfOne() {
        DeliveryPlanned batch = batch(leads(3, 0));
        List<SplittingBatchEvent.Part> parts =
                new SplittingBatchEvent(256 * 1024, 1_000_000).split(batch, "delivery-service", AT, UUID::randomUUID);
        assertThat(parts).hasSize(1);
        DeliveryPlanned event = decode(parts.get(0));
        assertThat(event).isEqualTo(batch);
        assertThat(event.partCount()).isEqualTo(1);
    }

    @Test
    void aBigBatchIsCutInOrderIntoPartsFilledByBytesNeverOverTheirSize() {
        List<PlannedLead> leads = new ArrayList<>(leads(2_000, 0));
        leads.addAll(1_000, leads(200, 5_000)); // bigger leads in the middle: parts are cut by bytes, not by count
        DeliveryPlanned batch = batch(leads);
        int partBytes = 100 * 1024;
        List<SplittingBatchEvent.Part> parts =
                new SplittingBatchEvent(partBytes, 1_000_000).split(batch, "delivery-service", AT, UUID::randomUUID);

        assertThat(parts.size()).isGreaterThan(10);
        List<PlannedLead> assembled = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SplittingBatchEvent.Part part = parts.get(i);
            byte[] json = part.envelopeJson().getBytes(StandardCharsets.UTF_8);
            assertThat(json.length).isEqualTo(part.bytes()).isLessThanOrEqualTo(partBytes);
            DeliveryPlanned event = decode(part);
            assertThat(event.partNumber()).isEqualTo(i + 1);
            assertThat(event.partCount()).isEqualTo(parts.size());
            assertThat(event.wholeBatchLeadCount()).isEqualTo(leads.size());
            assertThat(event.batchId()).isEqualTo(batch.batchId());
            assertThat(event.client()).isEqualTo(batch.client());
            assertThat(event.leads()).isEqualTo(part.leads());
            assetFullEnough(json.length, partBytes, i == parts.size() - 1);
            assembled.addAll(event.leads());
        }
        assertThat(assembled).isEqualTo(leads);
        assertThat(parts.stream().map(p -> p.leads().size()).distinct().count())
                .as("the big leads make smaller parts by count")
                .isGreaterThan(1);
    }

    @Test
    void aSingleLeadTooBigForARecordIsRefusedAtPlanning() {
        DeliveryPlanned batch = batch(leads(2, 20_000));
        assertThatThrownBy(() ->
                        new SplittingBatchEvent(10_000, 15_000).split(batch, "delivery-service", AT, UUID::randomUUID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("over the 15000-byte limit");
    }

    private static void assetFullEnough(int bytes, int partBytes, boolean last) {
        if (!last) {
            assertThat(bytes).as("a part is filled before the next starts").isGreaterThan(partBytes * 9 / 10);
        }
    }

    private static DeliveryPlanned decode(SplittingBatchEvent.Part part) {
        return (DeliveryPlanned) EventCodec.decode(part.envelopeJson().getBytes(StandardCharsets.UTF_8))
                .payload();
    }

    private static DeliveryPlanned batch(List<PlannedLead> leads) {
        return new DeliveryPlanned(
                "run-ZR7-2030-05-14:cmd-1",
                "run-ZR7-2030-05-14",
                LocalDate.parse("2030-05-14"),
                Entity.ZR7,
                Product.PV,
                "cmd-1",
                EventSamples.aClient(),
                leads,
                1,
                1,
                leads.size());
    }

    /** {@code count} leads, each with an address padded by {@code padding} characters. */
    private static List<PlannedLead> leads(int count, int padding) {
        LeadData s = EventSamples.aLead();
        LeadContact c = s.contact();
        List<PlannedLead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(new PlannedLead(
                    new LeadData(
                            "lead-" + padding + "-" + i,
                            s.receivedAt(),
                            Entity.ZR7,
                            Product.PV,
                            new LeadContact(
                                    String.format("06%08d", i),
                                    c.civilite(),
                                    c.nom(),
                                    c.prenom(),
                                    c.email(),
                                    c.codePostal(),
                                    c.departement(),
                                    c.ville(),
                                    c.adresse() + "x".repeat(padding)),
                            s.project(),
                            s.source(),
                            s.consent()),
                    LeadKind.FRESH,
                    false));
        }
        return leads;
    }
}
