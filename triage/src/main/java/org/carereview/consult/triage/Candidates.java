package org.carereview.consult.triage;

import java.util.StringJoiner;

/**
 * How a search finds the matches it ranks (ADR 0009), and the SQL that finds them: every match, or the newest
 * {@code cap} found week by week through the search index (V013), or the newest found by walking the recency
 * index. {@code newestWeek}, {@code oldestWeek} and {@code weeksPerStep} matter only week by week.
 */
record Candidates(Way way, int newestWeek, int oldestWeek, int weeksPerStep) {

    enum Way { EVERY_MATCH, NEWEST_BY_WEEK, NEWEST_BY_WALK }

    /** Walk the recency index when at least this share of rows match: it then reads under 5 rows a match. */
    static final double WALK_SHARE = 0.2;
    /** The widest step, so that one step's index lookup stays small. */
    static final int MAX_WEEKS_PER_STEP = 16;

    static final Candidates EVERY_MATCH = new Candidates(Way.EVERY_MATCH, 0, 0, 1);
    static final Candidates NEWEST_BY_WALK = new Candidates(Way.NEWEST_BY_WALK, 0, 0, 1);

    static Way way(double matches, double rows, int cap) {
        if (matches <= cap) {
            return Way.EVERY_MATCH;
        }
        return rows > 0 && matches / rows < WALK_SHARE ? Way.NEWEST_BY_WEEK : Way.NEWEST_BY_WALK;
    }

    /**
     * Weeks taken at each step: enough that a step is expected to hold a quarter of the cap, so a search whose
     * matches are spread thinly over years takes a few wide steps rather than a hundred narrow ones.
     */
    static int weeksPerStep(double matches, int spanWeeks, int cap) {
        double perWeek = matches / Math.max(1, spanWeeks);
        double weeks = Math.ceil(cap / 4.0 / Math.max(perWeek, 1e-9));
        return (int) Math.max(1, Math.min(MAX_WEEKS_PER_STEP, weeks));
    }

    /**
     * At most {@code cap} of the rows {@code select} finds. {@code select} reads {@code submission s} with a
     * WHERE clause; the week numbers are ours (integers), written into the SQL.
     */
    String sql(String select, int cap) {
        String newest = " ORDER BY s.submitted_at DESC, s.id DESC";
        return switch (way) {
            case EVERY_MATCH -> select;
            case NEWEST_BY_WALK -> select + newest;
            case NEWEST_BY_WEEK -> "SELECT c.* FROM generate_series(" + newestWeek + ", " + oldestWeek + ", -"
                    + weeksPerStep + ") w(week) CROSS JOIN LATERAL (" + select
                    + " AND ARRAY[submission_week(s.submitted_at)] && " + weeks() + newest + ") c";
        } + " LIMIT " + cap;
    }

    /** The weeks of one step: this week and the {@code weeksPerStep - 1} before it. */
    private String weeks() {
        StringJoiner weeks = new StringJoiner(", ", "ARRAY[", "]");
        for (int i = 0; i < weeksPerStep; i++) {
            weeks.add(i == 0 ? "w.week" : "w.week - " + i);
        }
        return weeks.toString();
    }
}
