package fr.rdz.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.run.application.SchedulingDailyRuns;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The service as deployed: 09:30 cron, start-up catch-up and sweeper on, the daily job guarded by ShedLock in Mongo. */
@TestPropertySource(properties = "rdz.delivery.scheduling-enabled=true")
class SchedulingIT extends DeliveryIntegrationTest {

    @Autowired
    SchedulingDailyRuns scheduling;

    @Test
    void theDailyJobRunsUnderItsShedLock() {
        scheduling.dailyRun();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("shedLock", Filters.eq("_id", "delivery-daily-run")) == 1);
        assertThat(count("shedLock", Filters.eq("_id", "delivery-daily-run"))).isEqualTo(1);
    }
}
