package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Region;
import org.carereview.consult.web.DraftText;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the draft keeps of an application's answers that were posted but not checked (saved for later,
 * autosaved, or refused by Continue): every text as typed (see {@link DraftText}), a date of birth that is not
 * a real date as its boxes were typed ({@code DateFields.stored}), and only the choices that are options.
 * Continue, the task list and Send check them as ever, so nothing kept here gets past them.
 */
final class KeptAnswers {

    private static final Set<String> EXPERIENCES = Arrays.stream(Experience.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> REGIONS = Arrays.stream(Region.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    /** The values of the equality page's disability radios ({@code SectionModel}'s disabilityItems). */
    private static final Set<String> DISABILITY = Set.of("yes", "no", "prefer-not-to-say");

    private KeptAnswers() {
    }

    static ApplicationInput of(ApplicationInput a) {
        ApplicationInput.TrustedAdult t = a.trustedAdult();
        return new ApplicationInput(DraftText.options(a.experiences(), EXPERIENCES), DraftText.keep(a.name()),
                DraftText.keep(a.preferredName()), DraftText.keep(a.dateOfBirth()),
                DraftText.option(a.region(), REGIONS), DraftText.keep(a.email()), DraftText.keep(a.phone()),
                t == null ? null : new ApplicationInput.TrustedAdult(DraftText.keep(t.name()),
                        DraftText.keep(t.relationship()), DraftText.keep(t.email()), DraftText.keep(t.phone())),
                DraftText.keep(a.experienceStory()), DraftText.keep(a.motivation()), DraftText.keep(a.availability()),
                DraftText.keep(a.accessNeeds()), DraftText.keep(a.supportNeeds()), equality(a.equality()),
                a.consents());
    }

    @Nullable
    private static Map<String, Object> equality(@Nullable Map<String, Object> answers) {
        if (answers == null) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        answers.forEach((key, value) -> kept.put(key, !(value instanceof String text) ? value
                : "disability".equals(key) ? DraftText.option(text, DISABILITY) : DraftText.keep(text)));
        return kept;
    }
}
