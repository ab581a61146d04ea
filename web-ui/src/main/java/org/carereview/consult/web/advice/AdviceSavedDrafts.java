package org.carereview.consult.web.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.AdviceService;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.SavedDrafts;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** "Save and come back later" for the call for advice. */
@Singleton
class AdviceSavedDrafts extends SavedDrafts {

    static final String CHECK = "/call-for-advice/check";

    private final AdviceDrafts drafts;
    private final AdviceService advice;

    AdviceSavedDrafts(AdviceDrafts drafts, AdviceService advice, RateLimiter rateLimiter) {
        super(new Journey("/call-for-advice", CHECK, CHECK, "advice"),
                DraftCookie.ADVICE, drafts, rateLimiter);
        this.drafts = drafts;
        this.advice = advice;
    }

    /**
     * A resumed draft opens where the person left off: the first answer saved as typed that Continue would
     * refuse (so they see what to put right), else the first question they have not reached, not check answers.
     */
    @Override
    protected String resumeTo(UUID draft) {
        return drafts.find(draft).map(found -> toPutRight(found.answers()).map(Step::path)
                .orElseGet(() -> Step.resumePath(found.answers()))).orElse(CHECK);
    }

    private Optional<Step> toPutRight(AdviceInput answers) {
        return Arrays.stream(Step.values())
                .filter(s -> s.applies(answers) && s.answered(answers) && !advice.checkPage(answers, s.fields).isEmpty())
                .findFirst();
    }
}
