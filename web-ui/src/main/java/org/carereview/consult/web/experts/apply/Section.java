package org.carereview.consult.web.experts.apply;

import org.carereview.consult.experts.ApplicationInput;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sections of the application, in task-list order, each with the answers (dotted names) it owns, and whether
 * a person must fill it in before sending. Each section's title is the bundle's {@code experts.section.<NAME>}.
 */
enum Section {
    EXPERIENCE("experience", true, Set.of("experiences")),
    ABOUT_YOU("about-you", true, Set.of("name", "preferredName", "dateOfBirth", "region", "email", "phone")),
    TRUSTED_ADULT("trusted-adult", true, Set.of("trustedAdult.name", "trustedAdult.relationship",
            "trustedAdult.email", "trustedAdult.phone")),
    STORY("your-story", true, Set.of("experienceStory", "motivation")),
    TAKING_PART("taking-part", false, Set.of("availability", "accessNeeds", "supportNeeds")),
    EQUALITY("equality", false, Set.of("equality")),
    AGREEMENTS("agreements", true, Set.of("consents.dataUse", "consents.contactTrustedAdult"));

    /** Where an error about each answer is shown on its page: the id of the first control. */
    private static final Map<String, String> FIELD_IDS = Map.ofEntries(
            Map.entry("dateOfBirth", "dateOfBirthDay"),
            Map.entry("trustedAdult.name", "trustedAdultName"),
            Map.entry("trustedAdult.relationship", "trustedAdultRelationship"),
            Map.entry("trustedAdult.email", "trustedAdultEmail"),
            Map.entry("trustedAdult.phone", "trustedAdultPhone"),
            Map.entry("equality", "equalityGender"),
            Map.entry("consents.dataUse", "consentDataUse"),
            Map.entry("consents.contactTrustedAdult", "consentContactTrustedAdult"));

    final String slug;
    /** Whether every applicant must fill it in (the trusted adult only when under 16); the others can be skipped. */
    final boolean required;
    final Set<String> fields;

    Section(String slug, boolean required, Set<String> fields) {
        this.slug = slug;
        this.required = required;
        this.fields = fields;
    }

    String path() {
        return Apply.BASE + "/application/" + slug;
    }

    String view() {
        return "experts/apply/" + slug;
    }

    static Optional<Section> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }

    /** The section where an error about this answer is put right. */
    static Section owning(String field) {
        return Arrays.stream(values()).filter(s -> s.fields.contains(field)).findFirst().orElse(EXPERIENCE);
    }

    /** The id of the control an error about this answer links to. */
    static String fieldId(String field) {
        return FIELD_IDS.getOrDefault(field, field);
    }

    /** Whether the applicant has saved this section at least once (saving stores empty answers, not nothing). */
    boolean started(ApplicationInput a) {
        return switch (this) {
            case EXPERIENCE -> a.experiences() != null;
            case ABOUT_YOU -> Stream.of(a.name(), a.preferredName(), a.dateOfBirth(), a.region(), a.email(), a.phone())
                    .anyMatch(Objects::nonNull);
            case TRUSTED_ADULT -> a.trustedAdult() != null;
            case STORY -> a.experienceStory() != null || a.motivation() != null;
            case TAKING_PART -> a.availability() != null || a.accessNeeds() != null || a.supportNeeds() != null;
            case EQUALITY -> a.equality() != null;
            case AGREEMENTS -> a.consents() != null;
        };
    }
}
