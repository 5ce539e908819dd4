package fr.rdz.routing;

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
        ArchitectureRules.check("routing", CLASSES);
    }

    /**
     * The contexts already on ports (catalog: LPs, forms, clients, commandes; brief; quality mappings; the consent
     * coverage of a routed lead, the consent texts and the proof of consent; the dashboard's figures and the form
     * cards; the erasure of a person and the retention limit; consent-aware routing's history steps; the rejection
     * of a lead and the buyers' portal reads; the lead search's filters; why a lead was not delivered; the
     * withdrawal of consent; the lead search and detail; the routing of a received lead; what happened to it after) stay there until the others join them and the whole
     * service moves to {@code ArchitectureRules.checkWithPorts}.
     */
    @Test
    void portedContextsOwnTheirPorts() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "fr.rdz.routing.catalog.application..",
                        "fr.rdz.routing.brief.application..",
                        "fr.rdz.routing.quality.application..",
                        "fr.rdz.routing.stats.application..")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.consent.application.ResolvingConsentCoverage")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.consent.application.ManagingConsentTexts")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.consent.application.BuildingConsentProof")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.ErasingPerson")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.ErasingExpiredPersonalData")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.consent.application.ConsentHistory")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.RejectingLead")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.portal.application.ReadingPortalLeads")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.LeadSearchMatch")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.ExplainingNonDelivery")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.consent.application.WithdrawingConsent")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.SearchingLeads")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.RoutingLead")
                .or()
                .haveFullyQualifiedName("fr.rdz.routing.lead.application.RecordingDeliveries")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.data..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "fr.rdz.routing..kafka..",
                        "fr.rdz.routing..mongo..")
                .check(CLASSES);
    }
}
