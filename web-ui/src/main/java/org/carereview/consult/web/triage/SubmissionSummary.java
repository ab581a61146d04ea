package org.carereview.consult.web.triage;

import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.triage.TriageSubmission;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.row;

/** The submission page's two summary lists: where it stands (channel, status, dates, tags) and what they sent. */
final class SubmissionSummary {

    private SubmissionSummary() {
    }

    static List<Map<String, Object>> rows(TriageSubmission s, StaffDirectory staff, List<Area> areas) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Channel", TriageWords.kind(s.kind())));
        rows.add(row("Status", TriageWords.status(s.status())));
        rows.add(row("Sent", UkTime.moment(s.submittedAt())));
        if (s.withdrawnAt() != null) {
            rows.add(row("Withdrawn", UkTime.moment(s.withdrawnAt())));
        }
        if (s.quarantineReason() != null) {
            rows.add(row("Held back because", QuarantineReason.describe(s.quarantineReason())));
        }
        if (s.area() != null) {
            rows.add(row("Area", areas.stream().filter(a -> a.slug().equals(s.area())).map(Area::name).findFirst()
                    .orElse(s.area())));
        }
        rows.add(row("Assigned to", staff.email(s.assignee())));
        rows.add(row("Themes", s.themes().isEmpty() ? "None" : TriageWords.themes(s.themes())));
        rows.add(row("Dilemmas", s.dilemmas().isEmpty() ? "None" : TriageWords.dilemmas(s.dilemmas())));
        if (s.consentToPublish() != null) {
            rows.add(row("Agreed their words may be quoted", ContactRows.yesNo(s.consentToPublish())));
        }
        return rows;
    }

    /** Each answer as a row, its text as paragraphs; "Not answered" for an empty one. */
    static List<Map<String, Object>> details(List<ChannelContent.Detail> details) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelContent.Detail d : details) {
            List<String> lines = SubmissionPage.lines(d.value());
            rows.add(lines.isEmpty() ? row(d.label(), "Not answered") : GovukItems.row(d.label(), lines));
        }
        return rows;
    }
}
