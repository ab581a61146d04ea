package org.carereview.consult.triage.summaries;

import jakarta.inject.Singleton;
import org.carereview.consult.core.counts.Suppression;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A channel's submissions counted by theme for the public: neither withdrawn, quarantined nor flagged, with the
 * dashboards' suppression (ADR 0008) over the row of themes, so 1 to 9 shows as "&lt;10" and a second count is
 * hidden where a total would give one away.
 */
@Singleton
class ThemeCounting {

    private final ThemeCountStore store;

    ThemeCounting(ThemeCountStore store) {
        this.store = store;
    }

    ThemeCounts count(SubmissionKind channel) {
        List<String> themes = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        for (ThemeCountStore.Counted counted : store.count(channel)) {
            themes.add(counted.theme());
            raw.add(counted.count());
        }
        long[][] counts = {raw.stream().mapToLong(Long::longValue).toArray()};
        Suppression.Shown[][] shown = Suppression.apply(counts);
        List<ThemeCounts.Row> rows = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            boolean isShown = shown[0][i] == Suppression.Shown.COUNT;
            rows.add(new ThemeCounts.Row(themes.get(i), String.valueOf(Suppression.published(counts[0][i], shown[0][i])),
                    isShown ? counts[0][i] : 0));
        }
        return new ThemeCounts(rows, Suppression.shownTotal(counts, shown, 0, -1));
    }
}
