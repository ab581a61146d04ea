package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The question pages of the call for advice, in order, each with the answers it owns. */
enum Step {
    WHO("who", "advice/who", Set.of("respondentType")),
    ORGANISATION("organisation", "advice/organisation", Set.of("organisation")),
    KEY_QUESTIONS("key-questions", "advice/text-question", Set.of("keyQuestions")),
    ENGAGEMENT("engagement", "advice/text-question", Set.of("engagementAdvice")),
    RESOURCES("resources", "advice/text-question", Set.of("resources")),
    GROUPS("groups", "advice/text-question", Set.of("groupsToSpeakTo")),
    THEMES("themes", "advice/themes", Set.of("themes")),
    CONTACT("contact", "advice/contact", Set.of("contactEmail", "consentToContact", "consentToPublish"));

    final String slug;
    final String view;
    final Set<String> fields;

    Step(String slug, String view, Set<String> fields) {
        this.slug = slug;
        this.view = view;
        this.fields = fields;
    }

    String path() {
        return "/call-for-advice/" + slug;
    }

    static Optional<Step> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }

    /** The page an error about this field is put right on. */
    static Step owning(String field) {
        return Arrays.stream(values()).filter(s -> s.fields.contains(field)).findFirst().orElse(WHO);
    }

    /** The organisation page is only for people answering for an organisation. */
    boolean applies(AdviceInput answers) {
        return this != ORGANISATION || RespondentType.ORGANISATION.name().equals(answers.respondentType());
    }

    Optional<Step> next(AdviceInput answers) {
        return Arrays.stream(values()).filter(s -> s.ordinal() > ordinal() && s.applies(answers)).findFirst();
    }

    /**
     * Where a resumed draft opens: the first unanswered question after the last one the person answered (so
     * optional questions they chose to leave blank are not asked again), the first question if none is
     * answered, and check answers once the last question is.
     */
    static String resumePath(AdviceInput answers) {
        Step last = null;
        for (Step s : values()) {
            if (s.applies(answers) && s.answered(answers)) {
                last = s;
            }
        }
        if (last == null) {
            return WHO.path();
        }
        return last.next(answers).map(Step::path).orElse(AdviceSavedDrafts.CHECK);
    }

    boolean answered(AdviceInput a) {
        return switch (this) {
            case WHO -> given(a.respondentType());
            case ORGANISATION -> given(a.organisation());
            case KEY_QUESTIONS -> given(a.keyQuestions());
            case ENGAGEMENT -> given(a.engagementAdvice());
            case RESOURCES -> given(a.resources());
            case GROUPS -> given(a.groupsToSpeakTo());
            case THEMES -> a.themes() != null && !a.themes().isEmpty();
            case CONTACT -> given(a.contactEmail()) || a.consentToContact() != null || a.consentToPublish() != null;
        };
    }

    private static boolean given(String answer) {
        return answer != null && !answer.isBlank();
    }

    Optional<Step> previous(AdviceInput answers) {
        Step found = null;
        for (Step s : values()) {
            if (s.ordinal() < ordinal() && s.applies(answers)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
