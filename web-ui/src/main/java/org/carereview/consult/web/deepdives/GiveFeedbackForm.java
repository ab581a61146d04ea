package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.deepdives.FeedbackInput;

import java.util.List;

/**
 * What the participant's page posts: the answers, {@code website} (the honeypot people never see),
 * {@code formId} (the page's one-time form token, stored with the card under a unique key, so a double
 * click stores one card) and {@code stamp} (when the form
 * was shown, signed).
 */
@Serdeable
record GiveFeedbackForm(@Nullable String participantType, @Nullable String whatWorks,
                        @Nullable String whatNeedsToChange, @Nullable List<String> themes, @Nullable String website,
                        @Nullable String formId, @Nullable String stamp) {

    FeedbackInput input() {
        return new FeedbackInput(participantType, whatWorks, whatNeedsToChange, themes == null ? List.of() : themes,
                List.of(), null, website);
    }
}
