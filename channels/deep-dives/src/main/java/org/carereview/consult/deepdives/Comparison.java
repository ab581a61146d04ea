package org.carereview.consult.deepdives;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every area side by side: areas × themes, dilemmas, participant types and months, suppressed. */
@Serdeable
public record Comparison(CountTable byTheme, CountTable byDilemma, CountTable byParticipantType, CountTable byMonth) {

    public CountTable table(Dimension dimension) {
        return switch (dimension) {
            case THEME -> byTheme;
            case DILEMMA -> byDilemma;
            case PARTICIPANT_TYPE -> byParticipantType;
            case MONTH -> byMonth;
        };
    }

    public List<CountTable> tables() {
        return List.of(byTheme, byDilemma, byParticipantType, byMonth);
    }
}
