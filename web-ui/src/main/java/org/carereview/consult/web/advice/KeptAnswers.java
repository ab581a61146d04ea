package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.web.DraftText;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the draft keeps of answers that were posted but not checked (saved for later, autosaved, or refused by
 * Continue): every text as typed (see {@link DraftText}), and only the choices that are options. Continue and
 * Send check them as ever, so nothing kept here gets past them.
 */
final class KeptAnswers {

    private static final Set<String> RESPONDENT_TYPES = Arrays.stream(RespondentType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> THEMES = Arrays.stream(Theme.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private KeptAnswers() {
    }

    static AdviceInput of(AdviceInput a) {
        return new AdviceInput(DraftText.option(a.respondentType(), RESPONDENT_TYPES), DraftText.keep(a.organisation()),
                DraftText.keep(a.keyQuestions()), DraftText.keep(a.engagementAdvice()), DraftText.keep(a.resources()),
                DraftText.keep(a.groupsToSpeakTo()), DraftText.options(a.themes(), THEMES),
                DraftText.keep(a.contactEmail()), a.consentToContact(), a.consentToPublish());
    }
}
