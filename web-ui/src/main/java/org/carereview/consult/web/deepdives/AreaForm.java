package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.AreaInput;

import java.math.BigDecimal;
import java.util.List;

/** An area as its form posts it: every field as typed, numbers included (so a typo is a field error, not a 400). */
@Serdeable
record AreaForm(@Nullable String slug, @Nullable String name, @Nullable String region, @Nullable String population,
                @Nullable String deprivation, @Nullable String urbanRural, @Nullable String ofstedRating,
                @Nullable String spendPerChild, @Nullable String childrenEnteringCare) {

    static AreaForm of(Area a) {
        return new AreaForm(a.slug(), a.name(), a.region(), text(a.population()), a.deprivation(), a.urbanRural(),
                a.ofstedRating(), a.spendPerChild() == null ? null : a.spendPerChild().toPlainString(),
                text(a.childrenEnteringCare()));
    }

    static AreaForm empty() {
        return new AreaForm(null, null, null, null, null, null, null, null, null);
    }

    /** The numbers that are not numbers at all; the service checks everything else. */
    void numberErrors(List<FieldError> errors) {
        if (integer(population) == null && !blank(population)) {
            errors.add(new FieldError("population", "Population must be a whole number, like 270000"));
        }
        if (money(spendPerChild) == null && !blank(spendPerChild)) {
            errors.add(new FieldError("spendPerChild", "Spend per child must be an amount in pounds, like 1250.50"));
        }
        if (integer(childrenEnteringCare) == null && !blank(childrenEnteringCare)) {
            errors.add(new FieldError("childrenEnteringCare", "Children entering care must be a whole number, like 310"));
        }
    }

    AreaInput input() {
        return new AreaInput(slug == null ? null : slug.strip(), name, region, integer(population), deprivation,
                urbanRural, ofstedRating, money(spendPerChild), integer(childrenEnteringCare));
    }

    @Nullable
    private static Integer integer(@Nullable String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable
    private static BigDecimal money(@Nullable String s) {
        try {
            return blank(s) ? null : new BigDecimal(s.strip().replace(",", "").replace("£", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    @Nullable
    private static String text(@Nullable Integer n) {
        return n == null ? null : n.toString();
    }
}
