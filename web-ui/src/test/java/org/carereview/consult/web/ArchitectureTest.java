package org.carereview.consult.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.time.UkTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.TimeZone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Module arrows point one way: web-ui → channels and triage → core → notifications → db.
 * The compiler enforces most of this through Maven modules; this catches what it cannot.
 */
class ArchitectureTest {

    private static final String BASE = "org.carereview.consult";
    private static final String[] CHANNELS = {BASE + ".advice..", BASE + ".experts..", BASE + ".deepdives.."};
    private static JavaClasses classes;

    private static final DescribedPredicate<JavaAnnotation<?>> SECURED_NAMING_A_ROLE =
            new DescribedPredicate<>("@Secured naming a role") {
                @Override
                public boolean test(JavaAnnotation<?> annotation) {
                    return annotation.getRawType().isEquivalentTo(Secured.class)
                            && Arrays.stream((String[]) annotation.get("value").orElse(new String[0]))
                            .anyMatch(rule -> !rule.equals(SecurityRule.IS_ANONYMOUS)
                                    && !rule.equals(SecurityRule.IS_AUTHENTICATED));
                }
            };

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

    /** Days, deadlines and dates people read are counted in UK time by {@code UkTime} alone, never the host's zone. */
    private static final ArchRule ONLY_UK_TIME_NAMES_A_ZONE = noClasses()
            .that().doNotHaveFullyQualifiedName(UkTime.class.getName())
            .should().callMethod(ZoneId.class, "of", String.class)
            .orShould().callMethod(ZoneId.class, "systemDefault")
            .orShould().callMethod(TimeZone.class, "getDefault")
            .orShould().callMethod(Clock.class, "systemDefaultZone");

    @Test
    void onlyUkTimeNamesATimeZone() {
        ONLY_UK_TIME_NAMES_A_ZONE.check(classes);
    }

    @Test
    void theTimeZoneRuleCatchesAClassThatNamesItsOwnZone() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedOwnZone.class);
        assertThrows(AssertionError.class, () -> ONLY_UK_TIME_NAMES_A_ZONE.check(planted));
    }

    /** A violation planted for the test above: what the rule exists to catch. */
    static final class PlantedOwnZone {
        LocalDate today() {
            return LocalDate.now(ZoneId.of("Europe/London"));
        }
    }

    /**
     * Who may call a route is said with {@code @StaffOnly}, {@code @AdminOnly} and the other annotations in
     * {@code core.access}; a bare {@code @Secured} only says "anyone" or "anyone signed in", so a role set is
     * spelt once.
     */
    @Test
    void routesNameTheirRolesOnlyThroughTheAccessAnnotations() {
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage(BASE + ".core.access..")
                .should().beAnnotatedWith(SECURED_NAMING_A_ROLE).check(classes);
        noClasses().that().resideOutsideOfPackage(BASE + ".core.access..")
                .should().beAnnotatedWith(SECURED_NAMING_A_ROLE).check(classes);
    }

    @Test
    void theRolesRuleCatchesARouteThatSpellsItsOwnRoles() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedOwnRoles.class);
        assertThrows(AssertionError.class, () -> noMethods().should().beAnnotatedWith(SECURED_NAMING_A_ROLE)
                .check(planted));
    }

    /** A violation planted for the test above. */
    static final class PlantedOwnRoles {
        @Secured({"REVIEWER", "ADMIN"})
        void route() {
        }
    }
}
