package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Ranking by relevance within a bounded cost (ADR 0009): at most {@code rankCandidates} matches are ranked,
 * and finding them costs about as much as ranking them, however many matches there are. PostgreSQL's
 * statistics (no rows read) say how many rows the filters and words match:
 * <ul>
 *   <li>no more than {@code rankCandidates}: every match is ranked, found through the GIN index;</li>
 *   <li>more, in a small share of the rows (a selective word at scale): the newest {@code rankCandidates}
 *       matches, found week by week, newest weeks first, through the same index (V013);</li>
 *   <li>more, in a large share of the rows (such as "care"): the newest {@code rankCandidates} matches,
 *       found by walking the recency index, which meets a match every few rows.</li>
 * </ul>
 * {@link Candidates} holds the choice and writes its SQL; {@link EstimateStore} reads the statistics and
 * {@link QueueStore} ranks the candidates.
 */
@Singleton
class Relevance {

    private final EstimateStore estimates;
    private final TriageConfiguration configuration;

    Relevance(EstimateStore estimates, TriageConfiguration configuration) {
        this.estimates = estimates;
        this.configuration = configuration;
    }

    int cap() {
        return configuration.rankCandidates();
    }

    /**
     * How to find the candidates, from the planner's estimates of the matches and of the rows in the table, and
     * for a walk week by week, the weeks the table spans (two index lookups).
     */
    Candidates candidates(TriageFilter filter, boolean flaggedVisible, @Nullable UUID areaId) {
        double matches = estimates.matches(filter, flaggedVisible, areaId);
        if (matches <= cap()) {
            return Candidates.EVERY_MATCH;
        }
        double rows = estimates.rows();
        if (Candidates.way(matches, rows, cap()) == Candidates.Way.NEWEST_BY_WALK) {
            return Candidates.NEWEST_BY_WALK;
        }
        return estimates.weeks().map(weeks -> new Candidates(Candidates.Way.NEWEST_BY_WEEK, weeks.newest(),
                        weeks.oldest(), Candidates.weeksPerStep(matches, weeks.newest() - weeks.oldest() + 1, cap())))
                .orElse(Candidates.EVERY_MATCH);
    }
}
