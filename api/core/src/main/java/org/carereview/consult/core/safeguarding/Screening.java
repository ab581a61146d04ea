package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Screens free text for a possible safeguarding disclosure, in two ways (ADR 0010, ADR 0013):
 * <ul>
 *   <li>the lead's weighted phrases, found however the text was spelled ({@link PhraseMatcher}): each distinct
 *       phrase found adds its weight; at the threshold the text is flagged. Each call reads the phrases' version
 *       and the examples' version (one row); the phrases are read again only when theirs has moved
 *       ({@link PhraseCache}), so a phrase the lead adds on one node counts at once on every node;</li>
 *   <li>the learned check ({@link LearnedCheck}), which tells a disclosure from an answer that only talks about
 *       harm. When it is not ready or fails, the result says so ({@link Result#pending}) and the caller queues
 *       the submission for it: the text is never held up or lost for the model.</li>
 * </ul>
 */
@Singleton
public class Screening {

    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

    /**
     * The outcome: the phrases' score and the phrases found (for the lead only), how likely the learned check
     * found it to be a disclosure (null if it did not read it), whether it is a possible disclosure, and whether
     * the learned check still has to read it.
     */
    public record Result(int score, List<String> matched, boolean flagged, @Nullable Double learned, boolean pending) {

        Result(int score, List<String> matched, boolean flagged) {
            this(score, matched, flagged, null, false);
        }
    }

    private final PhraseStore phrases;
    private final PhraseCache matchers;
    private final SafeguardingConfiguration configuration;
    private final LearnedCheck learned;

    Screening(PhraseStore phrases, PhraseCache matchers, SafeguardingConfiguration configuration, LearnedCheck learned) {
        this.phrases = phrases;
        this.matchers = matchers;
        this.configuration = configuration;
        this.learned = learned;
    }

    @Transactional
    public Result screen(String text) {
        PhraseStore.Versions versions = phrases.versions();
        Result byPhrases = matchers.at(versions.phrases()).match(text, configuration.threshold());
        if (!learned.enabled()) {
            return byPhrases;
        }
        Optional<LearnedCheck.Verdict> verdict;
        try {
            verdict = learned.check(text, versions.examples());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The learned safeguarding check failed ({}): screened by phrases, queued for the check",
                    e.getClass().getSimpleName());
            verdict = Optional.empty();
        }
        if (verdict.isEmpty()) {
            return new Result(byPhrases.score(), byPhrases.matched(), byPhrases.flagged(), null, true);
        }
        return new Result(byPhrases.score(), byPhrases.matched(), byPhrases.flagged() || verdict.get().flagged(),
                verdict.get().probability(), false);
    }

    static Result score(String text, Map<String, Integer> weights, int threshold) {
        return new PhraseMatcher(weights).match(text, threshold);
    }
}
