package org.carereview.consult.triage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.triage.*}.
 *
 * @param rankCandidates relevance ranks at most this many matches (ADR 0009): every match of a search that
 *                       matches no more; otherwise the newest this many
 * @param exportFetchSize rows fetched from PostgreSQL at a time while an export streams
 * @param rankFunction    {@code ts_rank} (the default) or {@code ts_rank_cd} (cover density: weighs how close the
 *                        words are, at about three times the cost per row; ADR 0009)
 */
@ConfigurationProperties("consult.triage")
public record TriageConfiguration(
        @Bindable(defaultValue = "500") int rankCandidates,
        @Bindable(defaultValue = "2000") int exportFetchSize,
        @Bindable(defaultValue = "ts_rank") String rankFunction) {

    /** The ranking function as SQL: only ever one of the two names. */
    String rankSql() {
        return "ts_rank_cd".equals(rankFunction) ? "ts_rank_cd" : "ts_rank";
    }
}
