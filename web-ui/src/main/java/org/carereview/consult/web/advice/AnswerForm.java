package org.carereview.consult.web.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.DraftAnswers;

import java.util.List;

/**
 * Whatever one question page posts. Only the fields of the page's own {@link Step} are taken; {@code
 * website} is the honeypot that people never see, {@code action} is "save" for "Save and come back later".
 */
@Serdeable
record AnswerForm(@Nullable String respondentType, @Nullable String organisation, @Nullable String keyQuestions,
                  @Nullable String engagementAdvice, @Nullable String resources, @Nullable String groupsToSpeakTo,
                  @Nullable List<String> themes, @Nullable String contactEmail, @Nullable String consentToContact,
                  @Nullable String consentToPublish, @Nullable String website, @Nullable String action,
                  @Nullable String change) {

    boolean saveForLater() {
        return "save".equals(action);
    }

    boolean returnToCheck() {
        return "1".equals(change);
    }

    /**
     * The draft with what it keeps of this page's answers, checked or not (see {@link KeptAnswers}), and
     * marked if the honeypot was filled in.
     */
    DraftAnswers keptIn(DraftAnswers draft, Step step) {
        return draft.with(KeptAnswers.of(applyTo(draft.answers(), step))).trap(website);
    }

    /** The draft's answers with this page's answers put in. */
    AdviceInput applyTo(AdviceInput a, Step step) {
        return switch (step) {
            case WHO -> new AdviceInput(respondentType, a.organisation(), a.keyQuestions(), a.engagementAdvice(),
                    a.resources(), a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case ORGANISATION -> new AdviceInput(a.respondentType(), organisation, a.keyQuestions(), a.engagementAdvice(),
                    a.resources(), a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case KEY_QUESTIONS -> new AdviceInput(a.respondentType(), a.organisation(), keyQuestions, a.engagementAdvice(),
                    a.resources(), a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case ENGAGEMENT -> new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), engagementAdvice,
                    a.resources(), a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case RESOURCES -> new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), a.engagementAdvice(),
                    resources, a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case GROUPS -> new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), a.engagementAdvice(),
                    a.resources(), groupsToSpeakTo, a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
            case THEMES -> new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), a.engagementAdvice(),
                    a.resources(), a.groupsToSpeakTo(), themes == null ? List.of() : themes, a.contactEmail(),
                    a.consentToContact(), a.consentToPublish());
            case CONTACT -> new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), a.engagementAdvice(),
                    a.resources(), a.groupsToSpeakTo(), a.themes(), contactEmail, "yes".equals(consentToContact),
                    "yes".equals(consentToPublish));
        };
    }
}
