package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.ApplicationInput.Consents;
import org.carereview.consult.experts.ApplicationInput.TrustedAdult;
import org.carereview.consult.web.DateFields;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever one section page posts. Only the fields of the page's own {@link Section} are taken; {@code
 * action} is "save" for "Save and come back later", {@code change} is "1" when it came from check answers.
 */
@Serdeable
record SectionForm(@Nullable List<String> experiences, @Nullable String name, @Nullable String preferredName,
                   @Nullable String dateOfBirthDay, @Nullable String dateOfBirthMonth,
                   @Nullable String dateOfBirthYear, @Nullable String region, @Nullable String email,
                   @Nullable String phone, @Nullable String trustedAdultName, @Nullable String trustedAdultRelationship,
                   @Nullable String trustedAdultEmail, @Nullable String trustedAdultPhone,
                   @Nullable String experienceStory, @Nullable String motivation, @Nullable String availability,
                   @Nullable String accessNeeds, @Nullable String supportNeeds, @Nullable String equalityGender,
                   @Nullable String equalityEthnicity, @Nullable String equalityDisability,
                   @Nullable String consentDataUse, @Nullable String consentContactTrustedAdult,
                   @Nullable String action, @Nullable String change) {

    boolean saveForLater() {
        return "save".equals(action);
    }

    boolean returnToCheck() {
        return "1".equals(change);
    }

    /** The date of birth as typed in its day, month and year boxes. */
    DateFields dateOfBirth() {
        return new DateFields(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear);
    }

    /** The application with this section's answers put in. */
    ApplicationInput applyTo(ApplicationInput a, Section section) {
        return applyTo(a, section, isoDateOfBirth());
    }

    /**
     * What the draft keeps of this section's answers, checked or not: as {@link #applyTo}, but a date of birth
     * that is not a real date is kept as typed (see {@link KeptAnswers}).
     */
    ApplicationInput keptIn(ApplicationInput a, Section section) {
        return KeptAnswers.of(applyTo(a, section, dateOfBirth().stored()));
    }

    private ApplicationInput applyTo(ApplicationInput a, Section section, @Nullable String dateOfBirth) {
        return switch (section) {
            case EXPERIENCE -> new ApplicationInput(experiences == null ? List.of() : experiences, a.name(),
                    a.preferredName(), a.dateOfBirth(), a.region(), a.email(), a.phone(), a.trustedAdult(),
                    a.experienceStory(), a.motivation(), a.availability(), a.accessNeeds(), a.supportNeeds(),
                    a.equality(), a.consents());
            case ABOUT_YOU -> new ApplicationInput(a.experiences(), text(name), text(preferredName),
                    dateOfBirth, region, text(email), text(phone), a.trustedAdult(),
                    a.experienceStory(), a.motivation(), a.availability(), a.accessNeeds(), a.supportNeeds(),
                    a.equality(), a.consents());
            case TRUSTED_ADULT -> new ApplicationInput(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(),
                    a.region(), a.email(), a.phone(), new TrustedAdult(text(trustedAdultName),
                    text(trustedAdultRelationship), text(trustedAdultEmail), text(trustedAdultPhone)),
                    a.experienceStory(), a.motivation(), a.availability(), a.accessNeeds(), a.supportNeeds(),
                    a.equality(), a.consents());
            case STORY -> new ApplicationInput(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(),
                    a.region(), a.email(), a.phone(), a.trustedAdult(), text(experienceStory), text(motivation),
                    a.availability(), a.accessNeeds(), a.supportNeeds(), a.equality(), a.consents());
            case TAKING_PART -> new ApplicationInput(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(),
                    a.region(), a.email(), a.phone(), a.trustedAdult(), a.experienceStory(), a.motivation(),
                    text(availability), text(accessNeeds), text(supportNeeds), a.equality(), a.consents());
            case EQUALITY -> new ApplicationInput(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(),
                    a.region(), a.email(), a.phone(), a.trustedAdult(), a.experienceStory(), a.motivation(),
                    a.availability(), a.accessNeeds(), a.supportNeeds(), equality(), a.consents());
            case AGREEMENTS -> new ApplicationInput(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(),
                    a.region(), a.email(), a.phone(), a.trustedAdult(), a.experienceStory(), a.motivation(),
                    a.availability(), a.accessNeeds(), a.supportNeeds(), a.equality(),
                    new Consents("yes".equals(consentDataUse), "yes".equals(consentContactTrustedAdult)));
        };
    }

    private Map<String, Object> equality() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("gender", text(equalityGender));
        answers.put("ethnicity", text(equalityEthnicity));
        answers.put("disability", text(equalityDisability));
        return answers;
    }

    /** The date of birth as ISO, or null when none was typed or it is not a real date. */
    @Nullable
    private String isoDateOfBirth() {
        LocalDate date = dateOfBirth().date();
        return date == null ? null : date.toString();
    }

    /** A text box always posts, so an empty box is stored as "" (answered, empty), never as nothing. */
    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
