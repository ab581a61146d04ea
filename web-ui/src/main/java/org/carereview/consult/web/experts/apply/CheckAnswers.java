package org.carereview.consult.web.experts.apply;

import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Region;
import org.carereview.consult.web.Dates;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "Check your answers": one summary list a section, each row with a Change link back to its section. */
final class CheckAnswers {

    private CheckAnswers() {
    }

    static Map<String, Object> model(ApplicationInput a, boolean underSixteen) {
        Map<String, Object> s = SectionModel.answers(a);
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(section(Section.EXPERIENCE, List.of(
                row("Your experience", experiences(a.experiences()), Section.EXPERIENCE))));
        sections.add(section(Section.ABOUT_YOU, List.of(
                row("Name", s.get("name"), Section.ABOUT_YOU),
                row("Name you would like us to use", s.get("preferredName"), Section.ABOUT_YOU),
                row("Date of birth", dateOfBirth(a.dateOfBirth()), Section.ABOUT_YOU),
                row("Region", region(a.region()), Section.ABOUT_YOU),
                row("Email address", s.get("email"), Section.ABOUT_YOU),
                row("Phone number", s.get("phone"), Section.ABOUT_YOU))));
        if (underSixteen) {
            sections.add(section(Section.TRUSTED_ADULT, List.of(
                    row("Name", s.get("trustedAdultName"), Section.TRUSTED_ADULT),
                    row("How you know them", s.get("trustedAdultRelationship"), Section.TRUSTED_ADULT),
                    row("Email address", s.get("trustedAdultEmail"), Section.TRUSTED_ADULT),
                    row("Phone number", s.get("trustedAdultPhone"), Section.TRUSTED_ADULT))));
        }
        sections.add(section(Section.STORY, List.of(
                row("Your experience of social care", s.get("experienceStory"), Section.STORY),
                row("Why you would like to join", s.get("motivation"), Section.STORY))));
        sections.add(section(Section.TAKING_PART, List.of(
                row("When you can take part", s.get("availability"), Section.TAKING_PART),
                row("Help to take part", s.get("accessNeeds"), Section.TAKING_PART),
                row("Support you might need", s.get("supportNeeds"), Section.TAKING_PART))));
        sections.add(section(Section.EQUALITY, List.of(
                row("Gender", s.get("equalityGender"), Section.EQUALITY),
                row("Ethnic group", s.get("equalityEthnicity"), Section.EQUALITY),
                row("Disability", disability(s.get("equalityDisability")), Section.EQUALITY))));
        List<String> agreed = new ArrayList<>();
        if (Boolean.TRUE.equals(s.get("consentDataUse"))) {
            agreed.add("You can use my information to consider my application");
        }
        if (underSixteen && Boolean.TRUE.equals(s.get("consentContactTrustedAdult"))) {
            agreed.add("You can contact my trusted adult");
        }
        sections.add(section(Section.AGREEMENTS, List.of(
                row("What you agree to", agreed.isEmpty() ? "" : String.join(". ", agreed), Section.AGREEMENTS))));
        Map<String, Object> model = new HashMap<>();
        model.put("sections", sections);
        return model;
    }

    /** Errors on the check page link to the section where each can be put right, at the answer itself. */
    static List<FieldError> linkToSections(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(Section.owning(e.field()).path() + "?change=1#"
                + Section.fieldId(e.field()), e.message())).toList();
    }

    private static Map<String, Object> section(Section section, List<Map<String, Object>> rows) {
        return Map.of("title", section.title, "rows", rows);
    }

    private static Map<String, Object> row(String key, Object value, Section section) {
        String text = value == null || String.valueOf(value).isBlank() ? "Not answered" : String.valueOf(value);
        return Map.of("key", key, "lines", List.of(text.split("\\R", -1)),
                "actions", List.of(Map.of("href", section.path() + "?change=1", "text", "Change",
                        "visuallyHiddenText", key.toLowerCase(Locale.UK))));
    }

    private static String experiences(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        List<String> labels = new ArrayList<>();
        for (Experience e : Experience.values()) {
            if (codes.contains(e.name())) {
                labels.add(e.label());
            }
        }
        return String.join("\n", labels);
    }

    private static String dateOfBirth(String iso) {
        LocalDate date = SectionModel.parse(iso);
        return date == null ? "" : Dates.day(date.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant());
    }

    private static String region(String code) {
        Region region = Region.parse(code);
        return region == null ? "" : region.label();
    }

    private static String disability(Object value) {
        return switch (String.valueOf(value)) {
            case "yes" -> "Yes";
            case "no" -> "No";
            case "prefer-not-to-say" -> "I prefer not to say";
            default -> "";
        };
    }
}
