package fr.rdz.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdsTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:30:00Z");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aPushOutcomeIsCorrelatedByItsBatchAndNamesItsLead() {
        Envelope<DeliveryOutcome> envelope = Envelope.of(
                new DeliveryOutcome(
                        "run-ZR7-2026-11-20:cmd-1",
                        "run-ZR7-2026-11-20",
                        Entity.ZR7,
                        "client-1",
                        OutcomeChannel.API,
                        List.of("lead-1"),
                        OutcomeStatus.SUCCESS,
                        null,
                        1,
                        AT),
                "crm-push-service",
                AT);

        assertThat(CorrelationIds.of(envelope))
                .containsEntry(CorrelationIds.EVENT_ID, envelope.eventId().toString())
                .containsEntry(CorrelationIds.LEAD_ID, "lead-1")
                .containsEntry(CorrelationIds.BATCH_ID, "run-ZR7-2026-11-20:cmd-1")
                .containsEntry(CorrelationIds.RUN_ID, "run-ZR7-2026-11-20")
                .containsEntry(CorrelationIds.CORRELATION_ID, "run-ZR7-2026-11-20:cmd-1");
    }

    @Test
    void theInterceptorSetsTheIdsForOneRecordOnlyAndNeverThePhone() {
        Envelope<LeadRejected> rejected = Envelope.of(
                new LeadRejected("lead-9", "0612345678", Product.PV, Entity.MDL, "client-2", null, "faux numéro", AT),
                "routing-service",
                AT);
        CorrelationRecordInterceptor interceptor = new CorrelationRecordInterceptor();
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("rdz.lead.rejected.v1", 0, 0L, "k", rejected);

        interceptor.intercept(record, null);
        assertThat(MDC.get(CorrelationIds.CORRELATION_ID)).isEqualTo("lead-9");
        assertThat(MDC.get(CorrelationIds.LEAD_ID)).isEqualTo("lead-9");
        assertThat(MDC.getCopyOfContextMap()).doesNotContainValue("0612345678");

        interceptor.afterRecord(record, null);
        assertThat(MDC.get(CorrelationIds.CORRELATION_ID)).isNull();
        assertThat(MDC.get(CorrelationIds.EVENT_ID)).isNull();
    }
}
