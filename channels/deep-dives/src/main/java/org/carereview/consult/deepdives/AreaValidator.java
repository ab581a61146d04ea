package org.carereview.consult.deepdives;

import org.carereview.consult.core.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules for an area's name, region and attributes, shared by the pages and the API. */
final class AreaValidator {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final int MAX_NAME = 100;
    static final int MAX_ATTRIBUTE = 200;
    private static final BigDecimal MAX_SPEND = new BigDecimal("9999999999.99");

    private AreaValidator() {
    }

    static List<FieldError> validate(AreaInput in, Set<String> regions, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating) {
            if (Text.isBlank(in.slug())) {
                errors.add(new FieldError("slug", "Enter a short name for the web address, like north-lincolnshire"));
            } else if (in.slug().length() > 60 || !in.slug().matches(SLUG)) {
                errors.add(new FieldError("slug", "The short name must be 60 characters or fewer: lower-case letters "
                        + "and numbers, with single hyphens between words, like north-lincolnshire"));
            }
        }
        if (Text.isBlank(in.name())) {
            errors.add(new FieldError("name", "Enter the area's name"));
        } else {
            Text.check(errors, "name", "The name", in.name(), MAX_NAME);
        }
        if (Text.isBlank(in.region())) {
            errors.add(new FieldError("region", "Select the area's region"));
        } else if (!regions.contains(in.region())) {
            errors.add(new FieldError("region", "Select one of England's nine regions"));
        }
        wholeNumber(errors, "population", "Population", in.population());
        wholeNumber(errors, "childrenEnteringCare", "Children entering care", in.childrenEnteringCare());
        Text.check(errors, "deprivation", "Deprivation", in.deprivation(), MAX_ATTRIBUTE);
        Text.check(errors, "urbanRural", "Urban or rural", in.urbanRural(), MAX_ATTRIBUTE);
        Text.check(errors, "ofstedRating", "Ofsted rating", in.ofstedRating(), MAX_ATTRIBUTE);
        BigDecimal spend = in.spendPerChild();
        if (spend != null && (spend.signum() < 0 || spend.compareTo(MAX_SPEND) > 0 || spend.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("spendPerChild", "Spend per child must be an amount in pounds of 0 or more, "
                    + "with at most 2 decimal places"));
        }
        return errors;
    }

    private static void wholeNumber(List<FieldError> errors, String field, String label, Integer value) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, label + " must be 0 or more"));
        }
    }
}
