package fr.rdz.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationScopeTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLeadIsCorrelatedByItsIdWhileTheScopeIsOpen() {
        try (CorrelationScope scope = CorrelationScope.ofLead("lead-1")) {
            assertThat(MDC.get("correlation_id")).isEqualTo("lead-1");
            assertThat(MDC.get("lead_id")).isEqualTo("lead-1");
        }
        assertThat(MDC.get("correlation_id")).isNull();
        assertThat(MDC.get("lead_id")).isNull();
    }

    @Test
    void aLeadOfABatchIsCorrelatedByTheBatchAndTheEnclosingIdsComeBack() {
        MDC.put("correlation_id", "batch-1");
        MDC.put("batch_id", "batch-1");
        MDC.put("event_id", "event-1");
        try (CorrelationScope scope = CorrelationScope.ofBatchLead("batch-1", "lead-7")) {
            assertThat(MDC.get("correlation_id")).isEqualTo("batch-1");
            assertThat(MDC.get("batch_id")).isEqualTo("batch-1");
            assertThat(MDC.get("lead_id")).isEqualTo("lead-7");
        }
        assertThat(MDC.get("correlation_id")).isEqualTo("batch-1");
        assertThat(MDC.get("lead_id")).isNull();
        assertThat(MDC.get("event_id")).isEqualTo("event-1");
    }
}
