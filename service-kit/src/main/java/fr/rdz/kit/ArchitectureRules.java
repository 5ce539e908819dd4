package fr.rdz.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package layout every service keeps: {@code fr.rdz.<service>.<capability>.{domain,
 * application, kafka, mongo, web, config}}. The domain knows no Spring, Kafka, Mongo or web; no
 * service depends on another service; only common-events (and this kit) are shared.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("intake", "routing", "delivery", "notifier", "crmpush");

    private ArchitectureRules() {}

    public static void check(String service, JavaClasses classes) {
        domainIsFreeOfFrameworks(service).check(classes);
        noOtherService(service).check(classes);
    }

    static ArchRule domainIsFreeOfFrameworks(String service) {
        return noClasses()
                .that()
                .resideInAPackage("fr.rdz." + service + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "reactor..",
                        "jakarta.mail..",
                        "fr.rdz." + service + "..kafka..",
                        "fr.rdz." + service + "..mongo..",
                        "fr.rdz." + service + "..web..")
                .as("the " + service + " domain has no Spring, Kafka, Mongo or web dependency")
                .allowEmptyShould(true);
    }

    /**
     * {@link #check} plus the ports rule: the application layer talks only to ports it owns, never to the Mongo or
     * Kafka adapters nor their libraries. One line in a service's {@code ArchitectureTest}.
     */
    public static void checkWithPorts(String service, JavaClasses classes) {
        check(service, classes);
        applicationOwnsItsPorts(service).check(classes);
    }

    /**
     * {@code ..application..} may not depend on {@code ..mongo..}, {@code ..kafka..}, {@code org.bson..},
     * {@code com.mongodb..}, {@code org.springframework.data..}, {@code org.springframework.kafka..} or
     * {@code org.apache.kafka..}: documents, criteria, collection names and records live in the adapters.
     */
    public static ArchRule applicationOwnsItsPorts(String service) {
        return noClasses()
                .that()
                .resideInAPackage("fr.rdz." + service + "..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.data..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "fr.rdz." + service + "..kafka..",
                        "fr.rdz." + service + "..mongo..")
                .as("the " + service + " application layer depends on ports it owns, not on Mongo or Kafka")
                .allowEmptyShould(true);
    }

    static ArchRule noOtherService(String service) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(service))
                .map(s -> "fr.rdz." + s + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage("fr.rdz." + service + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .as(service + " depends on no other service, only on common-events");
    }
}
