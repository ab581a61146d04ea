package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The models of the scoring pages. */
final class ScoringPages {

    private ScoringPages() {
    }

    /**
     * Applications to score ({@code experts/admin/scoring-list}): one page of them, the reference of one just scored
     * (or null), and the links to the first and the next page (null where there is none).
     */
    @Introspected
    record ListPage(List<Map<String, Object>> items, @Nullable String scored, @Nullable String firstPage,
                    @Nullable String nextPage) {
    }

    /**
     * Scoring one application ({@code experts/admin/score}): its answers (experience, story, motivation, availability),
     * the scorer's own earlier score (or null), and each criterion with its choices and the value chosen.
     */
    @Introspected
    record ScorePage(String id, String reference, String experiences, String story, String motivation,
                     String availability, @Nullable Map<String, Integer> yourScore,
                     List<Map<String, Object>> criteria) {
    }
}
