package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Region;
import org.carereview.consult.web.DateFields;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each section page shows: the answers so far, the options (their codes: the page words each with the bundle's
 * {@code experts.experience.<CODE>} or {@code experts.region.<CODE>}), and where Back goes.
 */
final class SectionModel {

    static final String TASK_LIST = Apply.BASE + "/application";

    private SectionModel() {
    }

    /**
     * @param typed what was just posted, when the page is shown again with errors (the date boxes keep
     *              exactly what was typed), otherwise null
     */
    static Map<String, Object> of(Section section, ApplicationInput a, @Nullable SectionForm typed, boolean change,
                                  boolean underSixteen, int maxLength) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", section.path());
        // Where the page's script saves what is typed while the person is on the page (assets/app/autosave.js).
        model.put("autosave", section.path() + "/autosave");
        model.put("change", change);
        model.put("backHref", change ? TASK_LIST + "/check" : TASK_LIST);
        model.put("maxLength", maxLength);
        model.put("underSixteen", underSixteen);
        model.put("a", answers(a));
        switch (section) {
            case EXPERIENCE -> model.put("experienceCodes", Arrays.stream(Experience.values()).map(Enum::name).toList());
            case ABOUT_YOU -> {
                model.put("regionCodes", Arrays.stream(Region.values()).map(Enum::name).toList());
                putDate(model, a.dateOfBirth(), typed);
            }
            default -> {
            }
        }
        return model;
    }

    /** The answers as a map of plain strings, so a template never meets a missing nested record. */
    static Map<String, Object> answers(ApplicationInput a) {
        ApplicationInput.TrustedAdult adult = a.trustedAdult();
        ApplicationInput.Consents consents = a.consents();
        Map<String, Object> eq = a.equality() == null ? Map.of() : a.equality();
        Map<String, Object> m = new HashMap<>();
        m.put("experiences", a.experiences() == null ? List.of() : a.experiences());
        m.put("name", a.name());
        m.put("preferredName", a.preferredName());
        m.put("region", a.region());
        m.put("email", a.email());
        m.put("phone", a.phone());
        m.put("trustedAdultName", adult == null ? null : adult.name());
        m.put("trustedAdultRelationship", adult == null ? null : adult.relationship());
        m.put("trustedAdultEmail", adult == null ? null : adult.email());
        m.put("trustedAdultPhone", adult == null ? null : adult.phone());
        m.put("experienceStory", a.experienceStory());
        m.put("motivation", a.motivation());
        m.put("availability", a.availability());
        m.put("accessNeeds", a.accessNeeds());
        m.put("supportNeeds", a.supportNeeds());
        m.put("equalityGender", asText(eq.get("gender")));
        m.put("equalityEthnicity", asText(eq.get("ethnicity")));
        m.put("equalityDisability", asText(eq.get("disability")));
        m.put("consentDataUse", consents != null && Boolean.TRUE.equals(consents.dataUse()));
        m.put("consentContactTrustedAdult", consents != null && Boolean.TRUE.equals(consents.contactTrustedAdult()));
        return m;
    }

    /** What the date of birth boxes show: what was just typed, else what was saved (a date, or boxes as typed). */
    private static void putDate(Map<String, Object> model, @Nullable String iso, @Nullable SectionForm typed) {
        model.put("dateOfBirth", typed != null ? typed.dateOfBirth() : DateFields.ofStored(iso));
    }

    @Nullable
    static LocalDate parse(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Nullable
    private static String asText(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
