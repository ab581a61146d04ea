package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;
import org.carereview.consult.core.time.UkTime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The WHERE clause of the queue and the exports, built from a filter, with its parameters in order. Which
 * rows exist for the viewer is {@link Visibility}'s rule; exports leave flagged rows out for everyone.
 */
final class Conditions {

    /** The search query, as SQL; its text is bound wherever this appears. */
    static final String QUERY = "websearch_to_tsquery('english', ?)";

    private final StringBuilder sql = new StringBuilder("true");
    private final List<Object> args = new ArrayList<>();

    private Conditions() {
    }

    static Conditions of(TriageFilter filter, boolean flaggedVisible, @Nullable UUID areaId) {
        Conditions c = new Conditions();
        c.add(Visibility.submissions(flaggedVisible, "s"));
        if (filter.safeguarding() != null) {
            c.add(Visibility.flaggedFilter(filter.safeguarding(), "s"));
        }
        if (filter.consentToPublish() != null) {
            c.add(" AND EXISTS (SELECT 1 FROM advice_submission ad WHERE ad.submission_id = s.id"
                    + " AND ad.consent_to_publish = ?)", filter.consentToPublish());
        }
        if (filter.status() != null) {
            c.add(" AND s.status = ?", filter.status().name());
        } else {
            c.add(LiveSubmissions.only("s"));
        }
        if (filter.kind() != null) {
            c.add(" AND s.kind = ?", filter.kind().name());
        }
        if (areaId != null) {
            c.add(" AND s.area_id = ?", areaId);
        }
        if (filter.theme() != null) {
            c.add(" AND s.themes @> ARRAY[?]::text[]", filter.theme().name());
        }
        if (filter.dilemma() != null) {
            c.add(" AND s.dilemmas @> ARRAY[?]::text[]", filter.dilemma().name());
        }
        if (filter.unassigned()) {
            c.add(" AND s.assignee_id IS NULL");
        } else if (filter.assignee() != null) {
            c.add(" AND s.assignee_id = ?", filter.assignee());
        }
        if (filter.from() != null) {
            c.add(" AND s.submitted_at >= ?", Timestamp.from(UkTime.startOf(filter.from())));
        }
        if (filter.to() != null) {
            c.add(" AND s.submitted_at < ?", Timestamp.from(UkTime.endOf(filter.to())));
        }
        if (filter.group() != null) {
            c.add(" AND EXISTS (SELECT 1 FROM submission_campaign sc WHERE sc.submission_id = s.id AND sc.group_id = ?)",
                    filter.group());
        } else if (filter.grouped()) {
            c.add(" AND EXISTS (SELECT 1 FROM submission_campaign sc WHERE sc.submission_id = s.id)");
        }
        if (filter.q() != null) {
            c.add(" AND s.search_vector @@ " + QUERY, filter.q());
        }
        return c;
    }

    Conditions add(String clause, Object... values) {
        sql.append(clause);
        args.addAll(List.of(values));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> args() {
        return args;
    }

    /**
     * The clause with its parameters written in as literals, for COPY (which takes no parameters). Every value
     * is an enum code, an id, a time or the search text; text is quoted as an escape string, so no value can
     * end the literal.
     */
    String inlined() {
        StringBuilder out = new StringBuilder();
        String clause = sql.toString();
        int arg = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            out.append(c == '?' ? literal(args.get(arg++)) : String.valueOf(c));
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value instanceof UUID id) {
            return "'" + id + "'::uuid";
        }
        if (value instanceof Timestamp time) {
            return "'" + time.toInstant() + "'::timestamptz";
        }
        String text = value.toString().replace("\0", "");
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Binds these parameters from position {@code first}; returns the next free position. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        return i;
    }
}
