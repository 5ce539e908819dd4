package fr.rdz.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractSamplesTest {

    static Stream<Arguments> samples() {
        return EventSamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(EventSamples.all().keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::logicalName)
                        .toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesExactlyAsTheCheckedInContract(String type, Envelope<?> sample) throws IOException {
        JsonNode expected = EventCodec.mapper().readTree(contract(type));
        JsonNode actual = EventCodec.mapper().readTree(EventCodec.encode(sample));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesTheCheckedInContractToTheSample(String type, Envelope<?> sample) throws IOException {
        assertThat(EventCodec.decode(contract(type))).isEqualTo(sample);
    }

    @Test
    void ignoresUnknownFieldsAddedByANewerMinorVersion() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                EventCodec.mapper().readTree(contract("LeadRouted"));
        tree.put("added_later", "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("payload")).put("new_field", 42);
        assertThat(EventCodec.decode(tree)).isEqualTo(EventSamples.all().get("LeadRouted"));
    }

    @Test
    void aDeliveryPlannedWithoutPartFieldsIsAWholeBatch() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                EventCodec.mapper().readTree(contract("DeliveryPlanned"));
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("payload");
        payload.remove(java.util.List.of("part", "parts", "batch_lead_count"));
        DeliveryPlanned batch = (DeliveryPlanned) EventCodec.decode(tree).payload();
        assertThat(batch.part()).isNull();
        assertThat(batch.partNumber()).isEqualTo(1);
        assertThat(batch.partCount()).isEqualTo(1);
        assertThat(batch.wholeBatchLeadCount()).isEqualTo(batch.leads().size());
        assertThat(EventCodec.mapper().readTree(EventCodec.encode(EventCodec.decode(tree))))
                .as("a whole batch is still written without the part fields")
                .isEqualTo(tree);
    }

    @Test
    void personalDataNeverAppearsInToString() {
        String text = EventSamples.all().values().stream().map(Object::toString).reduce("", String::concat);
        assertThat(text).doesNotContain("0612345678", "eloise.martin@example.fr", "203.0.113.42");
    }

    @Test
    void secretBoxRoundTripsAndNeverShowsTheKey() {
        SecretBox box = new SecretBox("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        String sealed = box.encrypt("crm_supersecretkey");
        assertThat(sealed).startsWith("v1:").doesNotContain("supersecret");
        assertThat(box.decrypt(sealed)).isEqualTo("crm_supersecretkey");
    }

    static byte[] contract(String type) throws IOException {
        try (InputStream in = ContractSamplesTest.class.getResourceAsStream("/contracts/" + type + ".v1.json")) {
            assertThat(in).as("contracts/%s.v1.json", type).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Regenerates the contract files: run once when an event gains a field, review the diff, commit. */
    public static void main(String[] args) throws IOException {
        for (Map.Entry<String, Envelope<?>> e : EventSamples.all().entrySet()) {
            java.nio.file.Files.write(
                    java.nio.file.Path.of(args[0], e.getKey() + ".v1.json"),
                    EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(e.getValue()));
        }
    }
}
