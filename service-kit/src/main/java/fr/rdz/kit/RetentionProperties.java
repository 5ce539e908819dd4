package fr.rdz.kit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention limit of personal data and when it is applied ({@code rdz.retention.*}).
 *
 * @param personalData the {@link PersonalDataRetention} limit (ISO-8601 period, default {@code P3Y})
 * @param cron when the retention job runs (Spring cron, six fields), default every day at 03:00;
 *     {@code -} turns the schedule off (the job can still be run by hand or by a test)
 * @param zone the zone of the cron, default Europe/Paris (DST-proof)
 * @param pageSize documents read and anonymised per page
 */
@ConfigurationProperties("rdz.retention")
public record RetentionProperties(
        @DefaultValue("P3Y") Period personalData,
        @DefaultValue("0 0 3 * * *") String cron,
        @DefaultValue("Europe/Paris") String zone,
        @DefaultValue("500") int pageSize) {

    public RetentionProperties {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("rdz.retention.page-size must be positive, got " + pageSize);
        }
    }

    /** Whether the job runs by itself ({@code cron} is not {@code -}). */
    public boolean scheduled() {
        return cron != null && !cron.isBlank() && !"-".equals(cron.trim());
    }
}
