package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.deepdives.Area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.item;

/** The options of the queue's selects (filters and bulk actions), first option "any" or "leave as it is". */
final class QueueOptions {

    private QueueOptions() {
    }

    static List<Map<String, Object>> kinds() {
        List<Map<String, Object>> items = first("Any channel");
        for (SubmissionKind k : SubmissionKind.values()) {
            items.add(item(k.name(), TriageWords.kind(k)));
        }
        return items;
    }

    /** Every status: without one the queue leaves out held back and withdrawn submissions. */
    static List<Map<String, Object>> statuses() {
        List<Map<String, Object>> items = first("Any open status");
        for (SubmissionStatus s : SubmissionStatus.values()) {
            items.add(item(s.name(), TriageWords.status(s)));
        }
        return items;
    }

    static List<Map<String, Object>> themes(String any) {
        List<Map<String, Object>> items = first(any);
        for (Theme t : Theme.values()) {
            items.add(item(t.name(), t.label()));
        }
        return items;
    }

    static List<Map<String, Object>> dilemmas() {
        List<Map<String, Object>> items = first("Any dilemma");
        for (Dilemma d : Dilemma.values()) {
            items.add(item(d.name(), TriageWords.dilemma(d)));
        }
        return items;
    }

    static List<Map<String, Object>> areas(List<Area> areas) {
        List<Map<String, Object>> items = first("Any area");
        areas.forEach(a -> items.add(item(a.slug(), a.name())));
        return items;
    }

    static List<Map<String, Object>> assigneeFilter(StaffDirectory staff) {
        List<Map<String, Object>> items = first("Anyone or nobody");
        items.add(item("me", "Me"));
        items.add(item("none", "Nobody"));
        staff.assignable(false).forEach(a -> items.add(item(a.id().toString(), a.email())));
        return items;
    }

    static List<Map<String, Object>> sorts() {
        return List.of(item("", "Newest first (most relevant first when searching)"), item("NEWEST", "Newest first"),
                item("OLDEST", "Oldest first"), item("RELEVANCE", "Most relevant first (when searching)"));
    }

    static List<Map<String, Object>> consent() {
        return List.of(item("", "Agreed or not"), item("true", "Agreed to be quoted"),
                item("false", "Did not agree"));
    }

    static List<Map<String, Object>> flagged() {
        return List.of(item("", "Flagged or not"), item("true", "Flagged only"), item("false", "Not flagged"));
    }

    /** Campaigns (ADR 0034): all, those in any group, and the one group the queue is showing, if it is. */
    static List<Map<String, Object>> groups(@Nullable String group) {
        List<Map<String, Object>> items = new ArrayList<>(List.of(item("", "In a group or not"),
                item("any", "Only submissions in a group")));
        if (group != null && !group.isBlank() && !group.strip().equalsIgnoreCase("any")) {
            items.add(item(group.strip(), "This group only"));
        }
        return items;
    }

    static List<Map<String, Object>> bulkAssignees(StaffDirectory staff) {
        List<Map<String, Object>> items = first("Leave as it is");
        items.add(item("none", "Nobody (unassign)"));
        staff.assignable(false).forEach(a -> items.add(item(a.id().toString(), a.email())));
        return items;
    }

    static List<Map<String, Object>> bulkStatuses() {
        List<Map<String, Object>> items = first("Leave as it is");
        TriageWords.SETTABLE.forEach(s -> items.add(item(s.name(), TriageWords.status(s))));
        return items;
    }

    /** An assignee select for one submission: "Nobody" and each member of staff who may take it. */
    static List<Map<String, Object>> assignees(StaffDirectory staff, boolean flagged) {
        List<Map<String, Object>> items = first("Nobody");
        staff.assignable(flagged).forEach(a -> items.add(item(a.id().toString(), a.email())));
        return items;
    }

    /** Upper case, as the enums are, so that the select shows what the person chose in any case. */
    @Nullable
    static String upper(@Nullable String value) {
        return value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static List<Map<String, Object>> first(String text) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("", text));
        return items;
    }
}
