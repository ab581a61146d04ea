package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Introspected;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Region;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Check your answers": one summary card a section, each row with a Change link back to its section. The model
 * holds bundle keys, not words: a section's title is {@code experts.section.<NAME>}, a row's key
 * {@code experts.check.row.<answer>}, and each line of a row's value is either what the person wrote
 * ({@code text}) or an option's words ({@code key}).
 */
final class CheckAnswers {

    static final String NOT_ANSWERED = "experts.check.notAnswered";

    private CheckAnswers() {
    }

    static CheckPage model(ApplicationInput a, boolean underSixteen) {
        Map<String, Object> s = SectionModel.answers(a);
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(section(Section.EXPERIENCE, List.of(
                row("experiences", experiences(a.experiences()), Section.EXPERIENCE))));
        sections.add(section(Section.ABOUT_YOU, List.of(
                row("name", written(s.get("name")), Section.ABOUT_YOU),
                row("preferredName", written(s.get("preferredName")), Section.ABOUT_YOU),
                row("dateOfBirth", dateOfBirth(a.dateOfBirth()), Section.ABOUT_YOU),
                row("region", region(a.region()), Section.ABOUT_YOU),
                row("email", written(s.get("email")), Section.ABOUT_YOU),
                row("phone", written(s.get("phone")), Section.ABOUT_YOU))));
        if (underSixteen) {
            sections.add(section(Section.TRUSTED_ADULT, List.of(
                    row("trustedAdultName", written(s.get("trustedAdultName")), Section.TRUSTED_ADULT),
                    row("trustedAdultRelationship", written(s.get("trustedAdultRelationship")), Section.TRUSTED_ADULT),
                    row("trustedAdultEmail", written(s.get("trustedAdultEmail")), Section.TRUSTED_ADULT),
                    row("trustedAdultPhone", written(s.get("trustedAdultPhone")), Section.TRUSTED_ADULT))));
        }
        sections.add(section(Section.STORY, List.of(
                row("experienceStory", written(s.get("experienceStory")), Section.STORY),
                row("motivation", written(s.get("motivation")), Section.STORY))));
        sections.add(section(Section.TAKING_PART, List.of(
                row("availability", written(s.get("availability")), Section.TAKING_PART),
                row("accessNeeds", written(s.get("accessNeeds")), Section.TAKING_PART),
                row("supportNeeds", written(s.get("supportNeeds")), Section.TAKING_PART))));
        sections.add(section(Section.EQUALITY, List.of(
                row("equalityGender", written(s.get("equalityGender")), Section.EQUALITY),
                row("equalityEthnicity", written(s.get("equalityEthnicity")), Section.EQUALITY),
                row("equalityDisability", disability(s.get("equalityDisability")), Section.EQUALITY))));
        List<Map<String, Object>> agreed = new ArrayList<>();
        if (Boolean.TRUE.equals(s.get("consentDataUse"))) {
            agreed.add(option("experts.check.agreed.dataUse"));
        }
        if (underSixteen && Boolean.TRUE.equals(s.get("consentContactTrustedAdult"))) {
            agreed.add(option("experts.check.agreed.trustedAdult"));
        }
        sections.add(section(Section.AGREEMENTS, List.of(row("agreed", agreed, Section.AGREEMENTS))));
        return new CheckPage(sections);
    }

    /** Check your answers ({@code experts/apply/check}): one summary card per section, with its rows. */
    @Introspected
    record CheckPage(List<Map<String, Object>> sections) {
    }

    /**
     * Errors on the check page link to the section where each can be put right, at the answer itself, and keep
     * their bundle key, so they are worded in the page's version.
     */
    static List<FieldError> linkToSections(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(Section.owning(e.field()).path() + "?change=1#"
                + Section.fieldId(e.field()), e.message(), e.key(), e.args())).toList();
    }

    private static Map<String, Object> section(Section section, List<Map<String, Object>> rows) {
        return Map.of("section", section.name(), "rows", rows);
    }

    /** A row: its key's bundle key, the lines of its value ("Not answered" when none), where Change goes. */
    private static Map<String, Object> row(String answer, List<Map<String, Object>> lines, Section section) {
        return Map.of("key", "experts.check.row." + answer, "lines", lines.isEmpty() ? List.of(option(NOT_ANSWERED)) : lines,
                "href", section.path() + "?change=1");
    }

    /** What the person wrote, a line a paragraph; nothing when they wrote nothing. */
    private static List<Map<String, Object>> written(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return List.of();
        }
        return List.of(String.valueOf(value).split("\\R", -1)).stream()
                .<Map<String, Object>>map(line -> Map.of("text", line)).toList();
    }

    private static Map<String, Object> option(String key) {
        return Map.of("key", key);
    }

    private static List<Map<String, Object>> experiences(List<String> codes) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Experience e : Experience.values()) {
            if (codes != null && codes.contains(e.name())) {
                lines.add(option("experts.experience." + e.name()));
            }
        }
        return lines;
    }

    private static List<Map<String, Object>> dateOfBirth(String iso) {
        LocalDate date = SectionModel.parse(iso);
        return date == null ? List.of() : written(UkTime.day(date.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant()));
    }

    private static List<Map<String, Object>> region(String code) {
        Region region = Region.parse(code);
        return region == null ? List.of() : List.of(option("experts.region." + region.name()));
    }

    private static List<Map<String, Object>> disability(Object value) {
        return switch (String.valueOf(value)) {
            case "yes", "no", "prefer-not-to-say" -> List.of(option("experts.equality.disability." + value));
            default -> List.of();
        };
    }
}
