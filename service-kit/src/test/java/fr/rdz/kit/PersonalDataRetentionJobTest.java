package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PersonalDataRetentionJobTest {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    /** Records the instant it was given and counts what was older. */
    static final class RecordingSweep implements PersonalDataSweep {
        final List<Instant> given = new ArrayList<>();
        final List<Instant> documents =
                new ArrayList<>(List.of(Instant.parse("2023-11-20T00:00:00Z"), Instant.parse("2023-11-22T00:00:00Z")));

        @Override
        public String name() {
            return "leads";
        }

        @Override
        public Mono<Long> sweep(Instant expiredBefore, int pageSize) {
            given.add(expiredBefore);
            long before = documents.size();
            documents.removeIf(received -> received.isBefore(expiredBefore));
            return Mono.just(before - documents.size());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Service {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        RecordingSweep leads() {
            return new RecordingSweep();
        }

        @Bean
        PersonalDataSweep broken() {
            return new PersonalDataSweep() {
                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public Mono<Long> sweep(Instant expiredBefore, int pageSize) {
                    return Mono.error(new IllegalStateException("Mongo away"));
                }
            };
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersonalDataRetentionAutoConfiguration.class))
            .withUserConfiguration(Service.class)
            .withPropertyValues("rdz.retention.cron=-");

    @Test
    void bindsThreeYearsByDefault() {
        runner.run(context -> {
            assertThat(context.getBean(PersonalDataRetention.class).limit()).isEqualTo(Period.ofYears(3));
            assertThat(context.getBean(RetentionProperties.class).cron()).isEqualTo("-");
        });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PersonalDataRetentionAutoConfiguration.class))
                .withUserConfiguration(Service.class)
                .run(context -> {
                    RetentionProperties properties = context.getBean(RetentionProperties.class);
                    assertThat(properties.cron()).isEqualTo("0 0 3 * * *");
                    assertThat(properties.zone()).isEqualTo("Europe/Paris");
                    assertThat(properties.scheduled()).isTrue();
                    assertThat(context.getBean(PersonalDataRetentionJob.class).isRunning())
                            .isTrue();
                });
    }

    @Test
    void runsEverySweepWithTheLimitOfTheInjectedClockAndSurvivesAFailedOne() {
        runner.withPropertyValues("rdz.retention.personal-data=P3Y").run(context -> {
            RecordingSweep leads = context.getBean(RecordingSweep.class);

            Map<String, Long> first =
                    context.getBean(PersonalDataRetentionJob.class).run().block();
            Map<String, Long> second =
                    context.getBean(PersonalDataRetentionJob.class).run().block();

            assertThat(leads.given)
                    .containsExactly(Instant.parse("2023-11-21T02:00:00Z"), Instant.parse("2023-11-21T02:00:00Z"));
            assertThat(first).containsExactly(Map.entry("leads", 1L));
            assertThat(second).containsExactly(Map.entry("leads", 0L));
            assertThat(leads.documents).containsExactly(Instant.parse("2023-11-22T00:00:00Z"));
        });
    }

    @Test
    void theLimitIsOneProperty() {
        runner.withPropertyValues("rdz.retention.personal-data=P30D").run(context -> {
            context.getBean(PersonalDataRetentionJob.class).run().block();

            // 03:00 Paris 30 days earlier, on summer time (UTC+2)
            assertThat(context.getBean(RecordingSweep.class).given)
                    .containsExactly(Instant.parse("2026-10-22T01:00:00Z"));
        });
    }

    @Test
    void erasesPageByPageUntilAPageIsNotFull() {
        List<Integer> left = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
        AtomicInteger pages = new AtomicInteger();

        Long changed = PersonalDataSweep.pageByPage(
                        () -> {
                            pages.incrementAndGet();
                            return Flux.fromIterable(List.copyOf(left.subList(0, Math.min(3, left.size()))));
                        },
                        doc -> Mono.fromSupplier(() -> left.remove(doc)),
                        3)
                .block();

        assertThat(changed).isEqualTo(7);
        assertThat(pages).hasValue(3);
        assertThat(left).isEmpty();
    }

    @Test
    void stopsAtAFullPageThatChangedNothing() {
        AtomicInteger pages = new AtomicInteger();

        Long changed = PersonalDataSweep.pageByPage(
                        () -> {
                            pages.incrementAndGet();
                            return Flux.just(1, 2, 3);
                        },
                        doc -> Mono.just(false),
                        3)
                .block();

        assertThat(changed).isZero();
        assertThat(pages).hasValue(1);
    }
}
