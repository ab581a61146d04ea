package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.triage.Snippets;
import org.carereview.consult.triage.TriageItem;
import org.carereview.consult.triage.TriagePage;
import org.carereview.consult.triage.campaigns.Campaigns;
import org.carereview.consult.web.DateFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue page's model (ADR 0042): the filter form as sent and its choices, one page of rows with the links on and
 * the exports, the bulk form, and the copy-and-paste campaign when the queue shows one.
 */
@Introspected
record QueuePage(String heading, boolean lead, boolean exports, @Nullable String banner, QueueFilter filter,
                 QueueChoices choices, Results results, List<Hidden> hidden, @Nullable Campaign campaign) {

    static final String VIEW = "triage/queue";

    /** One page of results; {@code page} is null when the filter could not be read (nothing is shown). */
    static QueuePage of(QueueQuery query, Viewer viewer, @Nullable TriagePage page, StaffDirectory staff,
                        List<Area> areas, @Nullable String banner, @Nullable Campaigns.Campaign campaign) {
        boolean lead = viewer.seesFlagged();
        return new QueuePage(lead && query.restricted() ? "Flagged for safeguarding" : "Triage queue", lead,
                viewer.has(Role.REVIEWER) || viewer.has(Role.ADMIN), banner, QueueFilter.of(query),
                QueueChoices.of(query, staff, areas), Results.of(query, page, areas), hidden(query),
                campaign == null ? null : Campaign.of(campaign));
    }

    /** The rows, the links to the first and next pages, and the exports of every submission the filters match. */
    record Results(boolean shown, List<Row> items, String caption, boolean searching, @Nullable String rankedOnly,
                   @Nullable String firstPage, @Nullable String nextPage, String csv, String ods) {

        static Results of(QueueQuery query, @Nullable TriagePage page, List<Area> areas) {
            List<Row> rows = page == null ? List.of() : rows(page.items(), areas);
            String filters = query.queryString(false);
            String on = filters.isEmpty() ? "" : "?" + filters;
            return new Results(page != null, rows,
                    rows.size() == 1 ? "1 submission on this page" : rows.size() + " submissions on this page",
                    query.q() != null && !query.q().isBlank(),
                    page == null || page.rankedOnly() == null ? null
                            : "This search matched many submissions, so these are the most relevant of the newest "
                            + String.format(Locale.UK, "%,d", page.rankedOnly())
                            + ". To see every match, sort by newest or oldest, or add words to narrow the search.",
                    query.after() == null ? null : query.path(false),
                    page == null || page.next() == null ? null : query.path(false, "after=" + QueueQuery.encode(page.next())),
                    "/api/v1/triage/export.csv" + on, "/api/v1/triage/export.ods" + on);
        }
    }

    /** One submission's row; {@code snippet} holds the matching words when searching (the page marks the matches). */
    record Row(String id, String href, String reference, String kind, String status,
               String statusClasses, String themes, String area, String sent, boolean flagged, @Nullable String campaign,
               @Nullable String campaignHref, List<Snippets.Part> snippet) {
    }

    /** A filter or the cursor as a hidden field of the bulk form, so that it comes back to the same page. */
    record Hidden(String name, String value) {
    }

    /**
     * The campaign the queue shows (ADR 0034): its size and shared text above the rows, and the bulk form's choice to
     * change every submission of it rather than the ticked ones.
     */
    record Campaign(String heading, String firstReference, String sharedText, String wholeGroupLabel) {

        static Campaign of(Campaigns.Campaign c) {
            return new Campaign("A group of " + c.size() + " submissions that share most of their words",
                    c.firstReference(), c.sharedText(),
                    "Change all " + c.size() + " submissions in this group, not only the ones ticked");
        }
    }

    /** The filter form's values as sent, select values in the options' case. */
    record QueueFilter(@Nullable String q, DateFields from, DateFields to, String kind, String status, String theme,
                       String dilemma, @Nullable String area, @Nullable String assignee, String sort,
                       @Nullable String safeguarding, @Nullable String consentToPublish, @Nullable String group) {

        static QueueFilter of(QueueQuery q) {
            return new QueueFilter(q.q(), q.from().shown(), q.to().shown(), QueueOptions.upper(q.kind()),
                    QueueOptions.upper(q.status()), QueueOptions.upper(q.theme()), QueueOptions.upper(q.dilemma()),
                    q.area(), q.assignee(), QueueOptions.upper(q.sort()), q.safeguarding(), q.consentToPublish(), q.group());
        }
    }

    private static List<Hidden> hidden(QueueQuery query) {
        Map<String, String> values = new LinkedHashMap<>(query.filters());
        if (query.after() != null && !query.after().isBlank()) {
            values.put("after", query.after());
        }
        List<Hidden> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add(new Hidden(k, v)));
        return fields;
    }

    private static List<Row> rows(List<TriageItem> items, List<Area> areas) {
        Map<String, String> areaNames = new HashMap<>();
        areas.forEach(a -> areaNames.put(a.slug(), a.name()));
        List<Row> rows = new ArrayList<>();
        for (TriageItem i : items) {
            rows.add(new Row(i.id().toString(), "/staff/triage/" + i.id(), i.reference(),
                    TriageWords.kind(i.kind()), TriageWords.status(i.status()), TriageWords.statusClasses(i.status()),
                    i.themes().isEmpty() ? "None" : TriageWords.themes(i.themes()),
                    i.area() == null ? "" : areaNames.getOrDefault(i.area(), i.area()), UkTime.day(i.submittedAt()),
                    i.safeguarding(), i.campaignSize() == null ? null : "Group of " + i.campaignSize(),
                    i.campaignGroup() == null ? null : "/staff/triage?group=" + i.campaignGroup(),
                    i.snippet() == null ? List.of() : i.snippet()));
        }
        return rows;
    }
}
