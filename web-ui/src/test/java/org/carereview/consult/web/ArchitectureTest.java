package org.carereview.consult.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module arrows point one way: web-ui → channels and triage → core → notifications → db.
 * The compiler enforces most of this through Maven modules; this catches what it cannot.
 */
class ArchitectureTest {

    private static final String BASE = "org.carereview.consult";
    private static final String[] CHANNELS = {BASE + ".advice..", BASE + ".experts..", BASE + ".deepdives.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void nothingBelowTheWebLayerDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(BASE + ".web..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".web..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void coreDependsOnNoChannelAndNotOnTriage() {
        noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(CHANNELS)
                .orShould().dependOnClassesThat().resideInAPackage(BASE + ".triage..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void channelsDoNotDependOnEachOtherOrOnTriage() {
        for (String channel : CHANNELS) {
            String[] others = java.util.Arrays.stream(CHANNELS).filter(c -> !c.equals(channel)).toArray(String[]::new);
            noClasses().that().resideInAPackage(channel)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage(BASE + ".triage..")
                    .allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void triageReadsChannelsOnlyThroughCore() {
        noClasses().that().resideInAPackage(BASE + ".triage..")
                .should().dependOnClassesThat().resideInAnyPackage(CHANNELS)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void notificationsKnowNothingOfTheLayersAboveThem() {
        noClasses().that().resideInAPackage(BASE + ".notifications..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".core..", BASE + ".triage..", BASE + ".web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(CHANNELS)
                .check(classes);
    }
}
