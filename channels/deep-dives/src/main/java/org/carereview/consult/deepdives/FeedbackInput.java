package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One feedback card, as a participant or a facilitator sends it. Themes and dilemmas are codes (or names,
 * any case); {@code sessionId} names one of the area's sessions. {@code website} is the honeypot: people
 * never see it, bots fill it, and feedback that has it is stored QUARANTINED and answered like any other.
 */
@Serdeable
public record FeedbackInput(
        @Nullable String participantType,
        @Nullable String whatWorks,
        @Nullable String whatNeedsToChange,
        @Nullable List<String> themes,
        @Nullable List<String> dilemmas,
        @Nullable String sessionId,
        @Nullable String website) {

    /** Whether nothing at all was filled in (a spare card on the bulk entry page). */
    public boolean empty() {
        return Text.isBlank(participantType) && Text.isBlank(whatWorks) && Text.isBlank(whatNeedsToChange)
                && (themes == null || themes.isEmpty()) && (dilemmas == null || dilemmas.isEmpty());
    }
}
