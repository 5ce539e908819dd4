package fr.rdz.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.rdz.kit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /**
     * Every context (brief, catalog, consent, lead, portal, quality, stats) talks to ports it owns, the lead's hot
     * path ({@code RoutingLead}, {@code RecordingDeliveries}) included, with no exception.
     */
    @Test
    void domainIsFrameworkFreeApplicationOwnsItsPortsAndNoOtherServiceIsUsed() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rdz");
        ArchitectureRules.checkWithPorts("routing", classes);
    }
}
