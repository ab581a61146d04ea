package org.carereview.consult.core.safeguarding;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Screens free text for a possible safeguarding disclosure against the weighted phrase list: each distinct
 * phrase found (however it was spelled: {@link PhraseMatcher}) adds its weight; at the threshold the text
 * is flagged. The phrases are read from the database on every call, so a phrase the lead adds on one node
 * counts at once on every node.
 */
@Singleton
public class Screening {

    /** The outcome: the score, the phrases found (for the lead only), and whether it is a possible disclosure. */
    public record Result(int score, List<String> matched, boolean flagged) {
    }

    private final PhraseStore phrases;
    private final SafeguardingConfiguration configuration;

    Screening(PhraseStore phrases, SafeguardingConfiguration configuration) {
        this.phrases = phrases;
        this.configuration = configuration;
    }

    @Transactional
    public Result screen(String text) {
        return score(text, phrases.weights(), configuration.threshold());
    }

    static Result score(String text, Map<String, Integer> weights, int threshold) {
        return new PhraseMatcher(weights).match(text, threshold);
    }
}
