package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a draft holds: the answers so far, and whether the hidden honeypot field was ever filled in
 * (people never see it; bots fill every field they find).
 */
@Serdeable
public record DraftAnswers(AdviceInput answers, boolean trapped) {

    public static DraftAnswers empty() {
        return new DraftAnswers(new AdviceInput(null, null, null, null, null, null, null, null, null, null), false);
    }

    public DraftAnswers with(AdviceInput changed) {
        return new DraftAnswers(changed, trapped);
    }

    public DraftAnswers trap(@Nullable String honeypot) {
        return honeypot == null || honeypot.isEmpty() ? this : new DraftAnswers(answers, true);
    }
}
