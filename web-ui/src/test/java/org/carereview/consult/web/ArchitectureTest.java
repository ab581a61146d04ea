package org.carereview.consult.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.ClockFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the compiler cannot check: module arrows point one way (web-ui → channels and triage → core →
 * notifications), core's packages have no cycle, pages and controllers never touch the database themselves, SQL is
 * written in stores and repositories, and UK time, the system clock and role sets each have one home. Each rule that
 * guards a home has a planted violation it must catch.
 */
class ArchitectureTest {

    private static final String BASE = "org.carereview.consult";
    private static final String[] CHANNELS = {BASE + ".advice..", BASE + ".experts..", BASE + ".deepdives.."};
    private static JavaClasses classes;

    /** SQL itself: JDBC, a DataSource or Micronaut's JDBC operations (not a store or repository, which hold it). */
    private static final DescribedPredicate<JavaClass> RAW_SQL = new DescribedPredicate<>("JDBC or JdbcOperations") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getName();
            return name.equals("java.sql.Connection") || name.equals("java.sql.Statement")
                    || name.equals("java.sql.PreparedStatement") || name.equals("java.sql.ResultSet")
                    || name.startsWith("javax.sql.") || c.isAssignableTo(JdbcOperations.class);
        }
    };

    /** Reading or writing the database: SQL itself, or the project's stores and repositories. */
    private static final DescribedPredicate<JavaClass> DATABASE_ACCESS = new DescribedPredicate<>("database access") {
        @Override
        public boolean test(JavaClass c) {
            return RAW_SQL.test(c) || c.getPackageName().startsWith(BASE)
                    && (c.getSimpleName().endsWith("Store") || c.getSimpleName().endsWith("Repository"));
        }
    };

    private static final ArchRule WEB_USES_NO_DATABASE = noClasses().that().resideInAPackage(BASE + ".web..")
            .should().dependOnClassesThat(DATABASE_ACCESS);

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

    /**
     * The module arrows in one rule: web-ui uses the channels and triage, they use core, core uses notifications.
     * The poms allow no other arrow today; this says which way they must point if a pom is changed.
     */
    @Test
    void moduleArrowsPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(BASE + "..")
                .layer("web").definedBy(BASE + ".web..")
                .layer("channels").definedBy(CHANNELS)
                .layer("triage").definedBy(BASE + ".triage..")
                .layer("core").definedBy(BASE + ".core..")
                .layer("notifications").definedBy(BASE + ".notifications..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("channels").mayOnlyBeAccessedByLayers("web")
                .whereLayer("triage").mayOnlyBeAccessedByLayers("web")
                .whereLayer("core").mayOnlyBeAccessedByLayers("web", "channels", "triage")
                .whereLayer("notifications").mayOnlyBeAccessedByLayers("web", "channels", "triage", "core")
                .check(classes);
        for (String channel : CHANNELS) {
            String[] others = Arrays.stream(CHANNELS).filter(c -> !c.equals(channel)).toArray(String[]::new);
            noClasses().that().resideInAPackage(channel).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(classes);
        }
    }

    /**
     * The packages inside core (submission, safeguarding, access, auth, ...) depend on each other without a cycle,
     * so each can be read from the bottom up. (The annotations every controller uses live in {@code core.routes},
     * which depends on nothing else in core.)
     */
    @Test
    void corePackagesHaveNoCycle() {
        slices().matching(BASE + ".core.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Pages never reach the database but through a module's service: no JDBC, no store, no repository. */
    @Test
    void theWebLayerNeverTouchesTheDatabase() {
        WEB_USES_NO_DATABASE.check(classes);
    }

    @Test
    void theDatabaseRuleCatchesAPageThatQueriesItself() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedQueryingPage.class);
        assertThrows(AssertionError.class, () -> WEB_USES_NO_DATABASE.check(planted));
    }

    /** Controllers, in every module, hand work to a service: no SQL, no connection, no DataSource. */
    @Test
    void controllersAreThin() {
        noClasses().that().areAnnotatedWith(Controller.class).should().dependOnClassesThat(DATABASE_ACCESS)
                .check(classes);
    }

    /** Where SQL may be written: a store, a repository, a shared SQL helper of stores, or the test fixture. */
    private static final DescribedPredicate<JavaClass> SQL_HOME = new DescribedPredicate<>("a *Store, a *Repository "
            + "or an SQL helper") {
        @Override
        public boolean test(JavaClass c) {
            String top = sourceClass(c);
            String simple = top.substring(top.lastIndexOf('.') + 1);
            return simple.endsWith("Store") || simple.endsWith("Repository") || SQL_HELPERS.contains(top)
                    || top.startsWith(BASE + ".db.");
        }
    };

    /**
     * The class a compiled class was written as: itself, the class a nested one is in, or the bean a class
     * Micronaut generated is for ({@code $AuditLog$Definition$Intercepted} is {@code AuditLog}).
     */
    private static String sourceClass(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().length() + 1);
        String outer = simple.startsWith("$") ? simple.substring(1) : simple;
        int nested = outer.indexOf('$');
        return c.getPackageName() + "." + (nested < 0 ? outer : outer.substring(0, nested));
    }

    /**
     * SQL helpers stores share (array parameters, the triage filter's conditions, one INSERT for many rows for the
     * intake's writer).
     */
    private static final Set<String> SQL_HELPERS = Set.of(BASE + ".core.privacy.Sql", BASE + ".notifications.Sql",
            BASE + ".triage.Conditions", BASE + ".notifications.MultiRowInsert");

    private static final ArchRule SQL_LIVES_IN_STORES = noClasses().that(DescribedPredicate.not(SQL_HOME))
            .should().dependOnClassesThat(RAW_SQL);

    /** SQL is written in a store or a repository (ADR 43): no service, page or job writes its own. */
    @Test
    void sqlLivesInStoresAndRepositories() {
        SQL_LIVES_IN_STORES.check(classes);
    }

    /** A shared SQL helper is a part of its package's stores: nothing else calls it. */
    @Test
    void sqlHelpersServeOnlyStores() {
        classes().that(new DescribedPredicate<>("an SQL helper") {
            @Override
            public boolean test(JavaClass c) {
                return SQL_HELPERS.contains(sourceClass(c));
            }
        }).should().onlyBeAccessed().byClassesThat(new DescribedPredicate<>("a store or the helper itself") {
            @Override
            public boolean test(JavaClass c) {
                String top = sourceClass(c);
                return top.endsWith("Store") || SQL_HELPERS.contains(top);
            }
        }).check(classes);
    }

    @Test
    void theSqlRuleCatchesAServiceThatWritesItsOwnSql() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedQueryingPage.class);
        assertThrows(AssertionError.class, () -> SQL_LIVES_IN_STORES.check(planted));
    }

    /** A violation planted for the database rule. */
    static final class PlantedQueryingPage {
        int count(DataSource dataSource) throws java.sql.SQLException {
            try (java.sql.Connection c = dataSource.getConnection()) {
                return c.getTransactionIsolation();
            }
        }
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
     * Only {@code ClockFactory} reads the system clock; everything else is handed a {@code Clock} (tests move it
     * instead of sleeping) or, for session tokens, the factory's {@code tokens} instant source.
     */
    private static final ArchRule ONLY_THE_CLOCK_FACTORY_READS_THE_SYSTEM_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName(ClockFactory.class.getName())
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "system", ZoneId.class)
            .orShould().callMethod(InstantSource.class, "system")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Year.class, "now")
            .orShould().callMethod(YearMonth.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callConstructor(Date.class);

    @Test
    void onlyTheClockFactoryReadsTheSystemClock() {
        ONLY_THE_CLOCK_FACTORY_READS_THE_SYSTEM_CLOCK.check(classes);
    }

    @Test
    void theClockRuleCatchesAClassThatReadsTheSystemClock() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedSystemClock.class);
        assertThrows(AssertionError.class, () -> ONLY_THE_CLOCK_FACTORY_READS_THE_SYSTEM_CLOCK.check(planted));
    }

    /** A violation planted for the test above: a deadline checked against the machine's time, which no test can move. */
    static final class PlantedSystemClock {
        boolean closed(Instant deadline) {
            return Instant.now().isAfter(deadline);
        }
    }

    /**
     * Who may call a route is said with {@code @StaffOnly}, {@code @AdminOnly} and the other annotations in
     * {@code core.routes}; a bare {@code @Secured} only says "anyone" or "anyone signed in", so a role set is
     * spelt once.
     */
    private static final ArchRule NO_ROUTE_SPELLS_ITS_ROLES = noMethods()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage(BASE + ".core.routes..")
            .should().beAnnotatedWith(SECURED_NAMING_A_ROLE);

    @Test
    void routesNameTheirRolesOnlyThroughTheAccessAnnotations() {
        NO_ROUTE_SPELLS_ITS_ROLES.check(classes);
        noClasses().that().resideOutsideOfPackage(BASE + ".core.routes..")
                .should().beAnnotatedWith(SECURED_NAMING_A_ROLE).check(classes);
    }

    @Test
    void theRolesRuleCatchesARouteThatSpellsItsOwnRoles() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedOwnRoles.class);
        assertThrows(AssertionError.class, () -> NO_ROUTE_SPELLS_ITS_ROLES.check(planted));
    }

    /** A violation planted for the test above. */
    static final class PlantedOwnRoles {
        @Secured({"REVIEWER", "ADMIN"})
        void route() {
        }
    }
}
