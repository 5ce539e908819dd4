package fr.rdz.intake.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the kit's clock with one the tests move forward. */
@TestConfiguration(proxyBeanMethods = false)
public class IntakeTestConfig {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
