package org.carereview.consult.experts;

import java.util.List;

/**
 * The applications to score as CSV, for scorers who work offline: the same anonymised columns as the
 * scoring page (reference, kinds of experience, what the applicant wrote), formula-like cells neutralised.
 */
final class ScoringCsv {

    static final String HEADER = "reference,experiences,experience_story,motivation,availability,scores,average_total";

    private ScoringCsv() {
    }

    static String of(List<ScoringItem> items) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ScoringItem i : items) {
            csv.append(String.join(",", MembersCsv.cell(i.reference()), MembersCsv.cell(String.join(";", i.experiences())),
                    MembersCsv.cell(i.experienceStory()), MembersCsv.cell(i.motivation()), MembersCsv.cell(i.availability()),
                    MembersCsv.cell(String.valueOf(i.scores())),
                    MembersCsv.cell(i.averageTotal() == null ? "" : String.valueOf(i.averageTotal())))).append("\r\n");
        }
        return csv.toString();
    }
}
