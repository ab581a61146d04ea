package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.triage.TriageSubmission;
import org.carereview.consult.web.pages.GovukItems;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The history of changes in words, as rows of the GOV.UK table: field, from, to, who and when; account ids shown as emails. */
final class HistoryRows {

    private static final Map<String, String> FIELDS = Map.of(
            "status", "Status",
            "assignee", "Assigned to",
            "themes", "Themes",
            "dilemmas", "Dilemmas",
            "safeguarding", "Flagged for safeguarding");

    private HistoryRows() {
    }

    /** The table's column headings, in the order of each row's cells. */
    static final List<Map<String, Object>> HEAD = GovukItems.columns("What", "From", "To", "Who", "When");

    /** One row of GOV.UK table cells per change (what, from, to, who, when), oldest first. */
    static List<List<Map<String, Object>>> of(List<TriageSubmission.Change> changes, StaffDirectory staff) {
        return changes.stream().map(c -> Stream.of(
                FIELDS.getOrDefault(c.field(), c.field()),
                value(c.field(), c.oldValue(), staff),
                value(c.field(), c.newValue(), staff),
                c.changedBy() == null ? "The service"
                        : "SUGGESTION".equals(c.via()) ? "Suggested, accepted by " + staff.email(c.changedBy())
                        : staff.email(c.changedBy()),
                UkTime.moment(c.changedAt())).map(GovukItems::cell).toList()).toList();
    }

    private static String value(String field, @Nullable String value, StaffDirectory staff) {
        return switch (field) {
            case "assignee" -> staff.email(value);
            case "status" -> TriageWords.known(SubmissionStatus.class, value)
                    ? TriageWords.status(SubmissionStatus.valueOf(value)) : none(value);
            case "themes" -> value == null ? "None" : TriageWords.themes(Arrays.asList(value.split(",")));
            case "dilemmas" -> value == null ? "None" : TriageWords.dilemmas(Arrays.asList(value.split(",")));
            case "safeguarding" -> "true".equals(value) ? "Yes" : "No";
            default -> none(value);
        };
    }

    private static String none(@Nullable String value) {
        return value == null ? "None" : value;
    }
}
