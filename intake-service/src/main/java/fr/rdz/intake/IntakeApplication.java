package fr.rdz.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Public tracking and lead intake: stores every lead before answering, publishes LeadReceived through an outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
