package org.carereview.consult.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A page's model is one record (ADR 42): no page builds its model as a map for {@code Pages}, which alone turns a
 * record into the template's variables. A planted page shows the rule fails.
 */
class PageModelRuleTest {

    private static final String WEB = "org.carereview.consult.web";

    private static final DescribedPredicate<JavaClass> ALLOWED = new DescribedPredicate<>("Pages") {
        @Override
        public boolean test(JavaClass c) {
            String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
            return top.equals(Pages.class.getName());
        }
    };

    private static final ArchRule NO_MAP_MODELS = noClasses().that(DescribedPredicate.not(ALLOWED))
            .should().callMethod(Pages.class, "view", String.class, Map.class)
            .orShould().callMethod(Pages.class, "invalid", String.class, Map.class, List.class)
            .orShould().callMethod(Pages.class, "withErrors", HttpStatus.class, String.class, Map.class, List.class)
            .because("a page's model is one @Introspected record (ADR 42)");

    @Test
    void pagesBuildTheirModelsAsRecords() {
        JavaClasses web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(WEB);
        NO_MAP_MODELS.check(web);
    }

    @Test
    void theRuleCatchesAPageThatBuildsAMap() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedMapPage.class);
        assertThrows(AssertionError.class, () -> NO_MAP_MODELS.check(planted));
    }

    /** A violation planted for the rule: a page whose model is a map. */
    static final class PlantedMapPage {
        ModelAndView<Map<String, Object>> show() {
            return Pages.view("planted", Map.of("heading", "A map"));
        }
    }
}
