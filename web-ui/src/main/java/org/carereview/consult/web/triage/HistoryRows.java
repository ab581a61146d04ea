package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.triage.TriageSubmission;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The history of changes in words: field, from, to, who and when; account ids shown as emails. */
final class HistoryRows {

    private static final Map<String, String> FIELDS = Map.of(
            "status", "Status",
            "assignee", "Assigned to",
            "themes", "Themes",
            "dilemmas", "Dilemmas",
            "safeguarding", "Flagged for safeguarding");

    private HistoryRows() {
    }

    static List<Map<String, Object>> of(List<TriageSubmission.Change> changes, StaffDirectory staff) {
        return changes.stream().<Map<String, Object>>map(c -> Map.of(
                "field", FIELDS.getOrDefault(c.field(), c.field()),
                "from", value(c.field(), c.oldValue(), staff),
                "to", value(c.field(), c.newValue(), staff),
                "who", c.changedBy() == null ? "The service"
                        : "SUGGESTION".equals(c.via()) ? "Suggested, accepted by " + staff.email(c.changedBy())
                        : staff.email(c.changedBy()),
                "when", UkTime.moment(c.changedAt()))).toList();
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
