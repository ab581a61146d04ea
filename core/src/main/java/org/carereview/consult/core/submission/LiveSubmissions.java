package org.carereview.consult.core.submission;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * "A live submission is neither held back as possible spam nor withdrawn" ({@link SubmissionStatus#live()}), as
 * SQL, spelt only here so that the queue, the counts, the suggestions, scoring and quotes cannot drift apart
 * ({@code LiveRuleSpeltOnceTest}). Like {@code core.access.Visibility}'s conditions, it is ANDed onto a WHERE.
 */
public final class LiveSubmissions {

    /** The statuses that are not live, as an SQL list in the enum's order: {@code 'QUARANTINED', 'WITHDRAWN'}. */
    private static final String NOT_LIVE = Arrays.stream(SubmissionStatus.values()).filter(s -> !s.live())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private LiveSubmissions() {
    }

    /**
     * The SQL condition (to AND onto a WHERE or a join's ON) that keeps only the live submission rows aliased
     * {@code alias} ("" when the table is not aliased): {@code " AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN')"}.
     */
    public static String only(String alias) {
        return " AND " + (alias.isEmpty() ? "status" : alias + ".status") + " NOT IN (" + NOT_LIVE + ")";
    }
}
