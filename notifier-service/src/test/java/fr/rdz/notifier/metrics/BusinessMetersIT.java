package fr.rdz.notifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.notifier.NotifierIntegrationTest;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.mongo.OpenDeadLettersGauge;
import fr.rdz.stack.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notifier's business meters, as Prometheus scrapes them from {@code /actuator/prometheus}. */
class BusinessMetersIT extends NotifierIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    OpenDeadLettersGauge deadLetters;

    @Test
    void countsEmailsSentAndFailedAndShowsTheOpenDeadLetters() throws Exception {
        double sentBefore = scrape().value("rdz_notifier_emails_total", "entity=MDL", "outcome=sent")
                .orElse(0);
        double deadBefore = scrape().value("rdz_notifier_emails_total", "entity=MDL", "outcome=dead_lettered")
                .orElse(0);

        String sentId = newId("b-meters-sent");
        publish(planned(Batches.batch(
                sentId,
                Entity.MDL,
                Batches.client(newId("c"), "Isolation Pro", DeliveryChannel.EMAIL, "leads@isolation.example.fr"),
                Batches.threeLeads(Entity.MDL).subList(0, 1))));
        String deadId = newId("b-meters-dead");
        publish(planned(Batches.batch(
                deadId,
                Entity.MDL,
                Batches.client(newId("c"), "Nobody", DeliveryChannel.EMAIL),
                Batches.threeLeads(Entity.MDL))));

        await().atMost(WAIT)
                .until(() -> outcomesOf(sentId).stream().anyMatch(o -> o.status() == OutcomeStatus.SENT)
                        && outcomesOf(deadId).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
        PrometheusScrape after = scrape();
        assertThat(after.value("rdz_notifier_emails_total", "entity=MDL", "outcome=sent"))
                .hasValue(sentBefore + 1);
        assertThat(after.value("rdz_notifier_emails_total", "entity=MDL", "outcome=dead_lettered"))
                .hasValue(deadBefore + 1);

        deadLetters.refresh().block(WAIT);
        assertThat(scrape().value("rdz_dead_letters_open", "service=notifier", "entity=MDL")
                        .orElse(0))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape().text()).doesNotContain(sentId).doesNotContain("isolation.example.fr");
    }

    /**
     * The text {@code /actuator/prometheus} serves, from the registry behind it: on main the endpoint
     * is denied to every caller; once the scraper user exists (branch kit), read it over HTTP.
     */
    private PrometheusScrape scrape() {
        return new PrometheusScrape(prometheus.scrape());
    }
}
