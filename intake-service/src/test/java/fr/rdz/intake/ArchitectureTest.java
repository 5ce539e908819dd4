package fr.rdz.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.rdz.kit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.rdz");

    @Test
    void domainIsFrameworkFreeAndNoOtherServiceIsUsed() {
        ArchitectureRules.check("intake", CLASSES);
    }

    /**
     * The contexts already on ports (catalog, inbound, privacy) stay there until lead and tracking join them and the
     * whole service moves to {@code ArchitectureRules.checkWithPorts}.
     */
    @Test
    void portedContextsOwnTheirPorts() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "fr.rdz.intake.catalog.application..",
                        "fr.rdz.intake.inbound.application..",
                        "fr.rdz.intake.privacy.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.data..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "fr.rdz.intake..kafka..",
                        "fr.rdz.intake..mongo..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
