package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A feedback card that passed validation, ready to store. */
record Card(ParticipantType type, @Nullable String whatWorks, @Nullable String whatNeedsToChange, Set<Theme> themes,
            Set<Dilemma> dilemmas, @Nullable UUID sessionId) {

    static Card of(FeedbackInput in, @Nullable UUID sessionId) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        list(in.themes()).forEach(t -> themes.add(Tags.theme(t)));
        Set<Dilemma> dilemmas = EnumSet.noneOf(Dilemma.class);
        list(in.dilemmas()).forEach(d -> dilemmas.add(Tags.dilemma(d)));
        return new Card(ParticipantType.parse(in.participantType()), Text.isBlank(in.whatWorks()) ? null : in.whatWorks(),
                Text.isBlank(in.whatNeedsToChange()) ? null : in.whatNeedsToChange(), themes, dilemmas, sessionId);
    }

    /** The words staff search. */
    String searchText() {
        return searchText(whatWorks, whatNeedsToChange);
    }

    /** The words staff search of a card with these answers (blank answers left out). */
    static String searchText(@Nullable String whatWorks, @Nullable String whatNeedsToChange) {
        return Stream.of(whatWorks, whatNeedsToChange).filter(t -> !Text.isBlank(t)).collect(Collectors.joining("\n"));
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
