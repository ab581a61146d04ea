package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.triage.Snippets;
import org.carereview.consult.triage.TriageItem;
import org.carereview.consult.triage.TriagePage;
import org.carereview.consult.triage.campaigns.Campaigns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The queue page's model: the filter form as sent, the rows of one page, links on, exports, the bulk form. */
final class QueuePage {

    static final String VIEW = "triage/queue";

    private QueuePage() {
    }

    static Map<String, Object> model(QueueQuery query, Viewer viewer, @Nullable TriagePage page, StaffDirectory staff,
                                     List<Area> areas, @Nullable String banner) {
        Map<String, Object> model = new HashMap<>();
        boolean lead = viewer.seesFlagged();
        model.put("heading", lead && query.restricted() ? "Flagged for safeguarding" : "Triage queue");
        model.put("lead", lead);
        model.put("exports", viewer.has(Role.REVIEWER) || viewer.has(Role.ADMIN));
        model.put("banner", banner);
        model.put("q", query.q());
        model.put("fromDate", query.from().shown());
        model.put("toDate", query.to().shown());
        model.put("kind", QueueOptions.upper(query.kind()));
        model.put("status", QueueOptions.upper(query.status()));
        model.put("theme", QueueOptions.upper(query.theme()));
        model.put("dilemma", QueueOptions.upper(query.dilemma()));
        model.put("area", query.area());
        model.put("assignee", query.assignee());
        model.put("sort", QueueOptions.upper(query.sort()));
        model.put("safeguarding", query.safeguarding());
        model.put("consentToPublish", query.consentToPublish());
        model.put("consentOptions", QueueOptions.consent());
        model.put("kinds", QueueOptions.kinds());
        model.put("statuses", QueueOptions.statuses());
        model.put("themes", QueueOptions.themes("Any theme"));
        model.put("dilemmas", QueueOptions.dilemmas());
        model.put("areas", QueueOptions.areas(areas));
        model.put("assignees", QueueOptions.assigneeFilter(staff));
        model.put("sorts", QueueOptions.sorts());
        model.put("flaggedOptions", QueueOptions.flagged());
        model.put("group", query.group());
        model.put("groupOptions", QueueOptions.groups(query.group()));
        model.put("bulkAssignees", QueueOptions.bulkAssignees(staff));
        model.put("bulkThemes", QueueOptions.themes("Leave as they are"));
        model.put("bulkStatuses", QueueOptions.bulkStatuses());
        model.put("hidden", hidden(query));
        String filters = query.queryString(false);
        model.put("csv", "/api/v1/triage/export.csv" + (filters.isEmpty() ? "" : "?" + filters));
        model.put("ods", "/api/v1/triage/export.ods" + (filters.isEmpty() ? "" : "?" + filters));
        model.put("firstPage", query.after() == null ? null : query.path(false));
        model.put("searching", query.q() != null && !query.q().isBlank());
        List<Map<String, Object>> rows = page == null ? List.of() : rows(page.items(), areas);
        model.put("shown", page != null);
        model.put("items", rows);
        model.put("caption", rows.size() == 1 ? "1 submission on this page" : rows.size() + " submissions on this page");
        model.put("rankedOnly", page == null || page.rankedOnly() == null ? null
                : "This search matched many submissions, so these are the most relevant of the newest "
                + String.format(Locale.UK, "%,d", page.rankedOnly())
                + ". To see every match, sort by newest or oldest, or add words to narrow the search.");
        model.put("nextPage", page == null || page.next() == null ? null
                : query.path(false, "after=" + QueueQuery.encode(page.next())));
        return model;
    }

    /**
     * When the queue shows one copy-and-paste campaign (ADR 0034): its size and shared text above the rows, and the
     * bulk form's choice to change every submission of it rather than the ticked ones.
     */
    static Map<String, Object> campaign(@Nullable Campaigns.Campaign campaign) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("campaignHeading", campaign == null ? null
                : "A group of " + campaign.size() + " submissions that share most of their words");
        model.put("wholeGroupLabel", campaign == null ? null
                : "Change all " + campaign.size() + " submissions in this group, not only the ones ticked");
        return model;
    }

    /** The filters and cursor as hidden fields of the bulk form, so that it comes back to the same page. */
    private static List<Map<String, Object>> hidden(QueueQuery query) {
        Map<String, String> values = new java.util.LinkedHashMap<>(query.filters());
        if (query.after() != null && !query.after().isBlank()) {
            values.put("after", query.after());
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add(Map.of("name", k, "value", v)));
        return fields;
    }

    private static List<Map<String, Object>> rows(List<TriageItem> items, List<Area> areas) {
        Map<String, String> areaNames = new HashMap<>();
        areas.forEach(a -> areaNames.put(a.slug(), a.name()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (TriageItem i : items) {
            n++;
            Map<String, Object> row = new HashMap<>();
            row.put("id", i.id().toString());
            row.put("checkboxId", n == 1 ? "ids" : "ids-" + n);
            row.put("href", "/staff/triage/" + i.id());
            row.put("reference", i.reference());
            row.put("kind", TriageWords.kind(i.kind()));
            row.put("status", TriageWords.status(i.status()));
            row.put("statusClasses", TriageWords.statusClasses(i.status()));
            row.put("themes", i.themes().isEmpty() ? "None" : TriageWords.themes(i.themes()));
            row.put("area", i.area() == null ? "" : areaNames.getOrDefault(i.area(), i.area()));
            row.put("sent", UkTime.day(i.submittedAt()));
            row.put("flagged", i.safeguarding());
            row.put("campaign", i.campaignSize() == null ? null : "Group of " + i.campaignSize());
            row.put("campaignHref", i.campaignGroup() == null ? null : "/staff/triage?group=" + i.campaignGroup());
            row.put("snippet", snippet(i.snippet()));
            rows.add(row);
        }
        return rows;
    }

    /** The snippet as parts {text, match}: the page escapes each and marks the matches. */
    private static List<Map<String, Object>> snippet(@Nullable List<Snippets.Part> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream().<Map<String, Object>>map(p -> Map.of("text", p.text(), "match", p.match())).toList();
    }
}
