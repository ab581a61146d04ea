package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What the administrators' list is narrowed to; a null field does not narrow it. */
public record ApplicationFilter(
        @Nullable ApplicationOutcome outcome,
        @Nullable Region region,
        @Nullable AgeBand ageBand,
        @Nullable Experience experience) {

    public static final ApplicationFilter ALL = new ApplicationFilter(null, null, null, null);

    /** The filter as codes, for the audit log: {@code outcome=SHORTLISTED region=LONDON}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Object[] f : new Object[][]{{"outcome", outcome}, {"region", region}, {"ageBand", ageBand},
                {"experience", experience}}) {
            if (f[1] != null) {
                out.append(out.isEmpty() ? "" : " ").append(f[0]).append('=').append(((Enum<?>) f[1]).name());
            }
        }
        return out.toString();
    }

    /**
     * The filter from query parameters (codes such as {@code SHORTLISTED}, {@code LONDON}); a blank one
     * does not narrow the list.
     *
     * @throws InvalidInputException naming each parameter whose value is not a known code
     */
    public static ApplicationFilter parse(@Nullable String outcome, @Nullable String region, @Nullable String ageBand,
                                         @Nullable String experience) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationFilter filter = new ApplicationFilter(
                code(errors, "outcome", "an outcome", outcome, ApplicationOutcome::parse),
                code(errors, "region", "a region", region, Region::parse),
                code(errors, "ageBand", "an age band", ageBand, AgeBand::parse),
                code(errors, "experience", "a kind of experience", experience, Experience::parse));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return filter;
    }

    @Nullable
    private static <T> T code(List<FieldError> errors, String field, String what, @Nullable String value,
                              Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        T parsed = parse.apply(value.strip());
        if (parsed == null) {
            errors.add(new FieldError(field, "Select " + what + " from the list"));
        }
        return parsed;
    }
}
