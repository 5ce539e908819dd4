package fr.rdz.crmpush;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pushes every lead of a batch into the client CRM, with retry topics, dead letters and safe replay. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmPushApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmPushApplication.class, args);
    }
}
