package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.triage.TriageBulk;

import java.util.List;

/**
 * What the bulk form posts: the ticked submissions (or, with {@code wholeGroup}, every submission of the campaign the
 * queue is filtered to), the change, and the queue's filters to return to.
 */
@Serdeable
record BulkForm(@Nullable List<String> ids, @Nullable String wholeGroup, @Nullable String bulkAssignee, @Nullable String bulkTheme,
                @Nullable String bulkStatus, @Nullable String kind, @Nullable String status, @Nullable String theme,
                @Nullable String dilemma, @Nullable String area, @Nullable String assignee,
                @Nullable String safeguarding, @Nullable String consentToPublish, @Nullable String from, @Nullable String to, @Nullable String q,
                @Nullable String sort, @Nullable String group, @Nullable String after) {

    QueueQuery query() {
        return new QueueQuery(kind, status, theme, dilemma, area, assignee, safeguarding, consentToPublish,
                QueueDate.ofIso("from", from),
                QueueDate.ofIso("to", to), q, sort, group, after);
    }

    /** Ticked submissions, or the whole group the queue is showing. */
    boolean selectsSomething() {
        return (ids != null && !ids.isEmpty()) || choseWholeGroup();
    }

    private boolean choseWholeGroup() {
        return "yes".equals(wholeGroup) && given(group);
    }

    boolean changesSomething() {
        return given(bulkAssignee) || given(bulkTheme) || given(bulkStatus);
    }

    /** The service's request: "none" unassigns; a blank select leaves that field alone. */
    TriageBulk.Request request() {
        boolean assign = given(bulkAssignee);
        boolean whole = choseWholeGroup();
        return new TriageBulk.Request(whole ? null : ids == null ? List.of() : ids, whole ? group : null,
                given(bulkStatus) ? bulkStatus : null, assign,
                assign && !"none".equals(bulkAssignee) ? bulkAssignee : null,
                given(bulkTheme) ? List.of(bulkTheme) : null, null);
    }

    private static boolean given(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
