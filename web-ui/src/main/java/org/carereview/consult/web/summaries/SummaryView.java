package org.carereview.consult.web.summaries;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.counts.Suppression;
import org.carereview.consult.triage.summaries.PublishedSummaries.Published;
import org.carereview.consult.triage.summaries.Summary;
import org.carereview.consult.triage.summaries.ThemeCounts;
import org.carereview.consult.web.deepdives.Charts;
import org.carereview.consult.web.words.PublicWords;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model of the public page of one summary, in the reader's version of the words: the counts as a bar chart and
 * the same figures in a table (themes and suppressed counts worded from the bundles), the quotes, and what the review
 * did as paragraphs, in the version that matches the page's words. Used by the public page and by staff's preview.
 */
final class SummaryView {

    private SummaryView() {
    }

    /**
     * One summary's public page ({@code summaries/summary}): the summary, its counts as a chart and as table rows
     * (theme, count), the total, its quotes, what the review did (in both versions) as paragraphs, the key of its
     * channel's name, and on staff's preview a banner and where "Back" goes (both null on the public page).
     */
    @Introspected
    record SummaryPage(Summary summary, Map<String, Object> chart, List<Map<String, Object>> rows, long total,
                       List<String> quotes, List<String> whatWeDid, List<String> whatWeDidChild, String channelKey,
                       @Nullable String previewBanner, @Nullable String previewBack) {

        SummaryPage asPreview(String banner, String back) {
            return new SummaryPage(summary, chart, rows, total, quotes, whatWeDid, whatWeDidChild, channelKey, banner,
                    back);
        }
    }

    static SummaryPage model(Published published, PublicWords words, Locale locale) {
        MessageSource.MessageContext in = MessageSource.MessageContext.of(locale);
        ThemeCounts counts = published.summary().counts();
        List<Charts.Bar> bars = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ThemeCounts.Row row : counts == null ? List.<ThemeCounts.Row>of() : counts.rows()) {
            String theme = words.getRequiredMessage("common.theme." + row.theme(), in);
            String shown = switch (row.shown()) {
                case Suppression.SMALL -> words.getRequiredMessage("summaries.count.small", in);
                case Suppression.HIDDEN -> words.getRequiredMessage("summaries.count.hidden", in);
                default -> row.shown();
            };
            bars.add(new Charts.Bar(theme, shown, row.value()));
            rows.add(Map.of("theme", theme, "count", shown));
        }
        String heading = words.getRequiredMessage("summaries.chart.heading", in);
        return new SummaryPage(published.summary(), Charts.bars("themes", heading + ": " + String.join("; ",
                bars.stream().map(b -> b.label() + " " + b.shown()).toList()), bars), rows,
                counts == null ? 0 : counts.total(), published.quotes(), paragraphs(published.summary().whatWeDid()),
                paragraphs(published.summary().whatWeDidChild()),
                "summaries.channel." + published.summary().channel().name(), null, null);
    }

    /** Staff's text, split into paragraphs at blank lines. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
