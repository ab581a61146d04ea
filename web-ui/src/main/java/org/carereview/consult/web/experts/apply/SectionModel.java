package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Introspected;
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
    static SectionPage of(Section section, ApplicationInput a, @Nullable SectionForm typed, boolean change,
                          boolean underSixteen, int maxLength) {
        boolean aboutYou = section == Section.ABOUT_YOU;
        // The autosave address is where the page's script saves what is typed while the person is on the page
        // (assets/app/autosave.js).
        return new SectionPage(section.path(), section.path() + "/autosave", change,
                change ? TASK_LIST + "/check" : TASK_LIST, maxLength, underSixteen, answers(a),
                section == Section.EXPERIENCE ? Arrays.stream(Experience.values()).map(Enum::name).toList() : null,
                aboutYou ? Arrays.stream(Region.values()).map(Enum::name).toList() : null,
                aboutYou ? date(a.dateOfBirth(), typed) : null);
    }

    /**
     * One section's page of the application ({@code experts/apply/<section>}): where it posts and autosaves, whether
     * it was opened from check your answers, where "Back" goes, the longest answer, whether the applicant is under 16,
     * the answers so far as plain strings ({@code a}), and what only some sections show: the kinds of experience to
     * choose from, the regions, and the date of birth boxes (each null on the other sections).
     */
    @Introspected
    record SectionPage(String action, String autosave, boolean change, String backHref, int maxLength,
                       boolean underSixteen, Map<String, Object> a, @Nullable List<String> experienceCodes,
                       @Nullable List<String> regionCodes, @Nullable DateFields dateOfBirth) {
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
    private static DateFields date(@Nullable String iso, @Nullable SectionForm typed) {
        return typed != null ? typed.dateOfBirth() : DateFields.ofStored(iso);
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
