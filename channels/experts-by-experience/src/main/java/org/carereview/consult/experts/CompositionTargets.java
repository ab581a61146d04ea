package org.carereview.consult.experts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * {@code consult.experts.targets.*}: how many members the group aims for in each region, age band and kind
 * of experience, so that it reflects the diversity of experience. Set them with, for example,
 * {@code CONSULT_EXPERTS_TARGETS_REGION_LONDON=3}; unset ones use the defaults below.
 */
@ConfigurationProperties("consult.experts.targets")
public record CompositionTargets(@Nullable Map<String, Integer> region, @Nullable Map<String, Integer> ageBand,
                                 @Nullable Map<String, Integer> experience) {

    static final int DEFAULT_PER_REGION = 2;
    static final Map<String, Integer> DEFAULT_AGE_BANDS = Map.of(
            "UNDER_16", 3, "AGE_16_17", 4, "AGE_18_25", 8, "AGE_26_PLUS", 5);
    static final int DEFAULT_PER_EXPERIENCE = 2;

    int forRegion(Region r) {
        return pick(region, r.name(), DEFAULT_PER_REGION);
    }

    int forAgeBand(AgeBand band) {
        return pick(ageBand, band.name(), DEFAULT_AGE_BANDS.getOrDefault(band.name(), 0));
    }

    int forExperience(Experience e) {
        return pick(experience, e.name(), DEFAULT_PER_EXPERIENCE);
    }

    private static int pick(@Nullable Map<String, Integer> configured, String key, int fallback) {
        if (configured == null) {
            return fallback;
        }
        // Micronaut may bind map keys in lower or kebab case from the environment.
        for (Map.Entry<String, Integer> e : configured.entrySet()) {
            if (e.getKey().replace('-', '_').equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return fallback;
    }
}
