package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.triage.StatusRules;
import org.carereview.consult.triage.TriageSubmission;
import org.carereview.consult.triage.campaigns.Campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.item;

/**
 * One submission's page (ADR 0042): what was sent and how to reach them, the campaign it is part of and what is like
 * it, safeguarding, suggestions, the forms to tag, assign and move it on, notes and history. Sections a viewer may not
 * see are null ({@code reach} and {@code safeguarding} for all but the lead and administrators).
 */
@Introspected
record SubmissionPage(String id, String base, String reference, @Nullable String banner, State state,
                      List<Map<String, Object>> summary, List<Map<String, Object>> details, @Nullable Reach reach,
                      @Nullable Campaign campaign, SimilarSection similar, @Nullable Safeguarding safeguarding,
                      List<Map<String, Object>> suggestions, TriageForms triage, Notes notes,
                      List<List<Map<String, Object>>> history, List<Map<String, Object>> historyHead) {

    static final String VIEW = "triage/submission";

    /** What the page needs besides the submission: the staff and areas to name, and the sections read for it. */
    record Around(StaffDirectory staff, List<Area> areas, @Nullable Campaigns.Campaign campaign,
                  List<Map<String, Object>> suggestions, SimilarSection similar) {
    }

    /** {@code typed}: what the person typed into a form that failed ("text" of a note, "action"), to show again. */
    static SubmissionPage of(TriageSubmission s, Viewer viewer, Around around, @Nullable String banner,
                             Map<String, String> typed) {
        StaffDirectory staff = around.staff();
        State state = State.of(s);
        return new SubmissionPage(s.id().toString(), "/staff/triage/" + s.id(), s.reference(), banner, state,
                SubmissionSummary.rows(s, staff, around.areas()), SubmissionSummary.details(s.details()),
                s.contact() == null ? null : new Reach(s.contact().reachable(), ContactRows.of(s.contact())),
                around.campaign() == null ? null : Campaign.of(around.campaign()), around.similar(),
                viewer.seesFlagged() && s.safeguarding() && s.flag() != null
                        ? Safeguarding.of(s.flag(), s.safeguardingActions(), staff, typed.get("action")) : null,
                around.suggestions(), TriageForms.of(s, staff),
                new Notes(s.notes().stream().map(n -> new Entry(lines(n.text()), staff.email(n.author()),
                        UkTime.moment(n.createdAt()))).toList(), typed.get("text")),
                HistoryRows.of(s.history(), staff), HistoryRows.HEAD);
    }

    /** Where it stands: its status in words, the flag, and which sections and forms apply. */
    record State(String text, String classes, boolean flagged, boolean changeable, boolean quarantined,
                 boolean withdrawn, boolean canFlag) {

        static State of(TriageSubmission s) {
            boolean changeable = s.status().live();
            return new State(TriageWords.status(s.status()), TriageWords.statusClasses(s.status()), s.safeguarding(),
                    changeable, s.status() == SubmissionStatus.QUARANTINED, s.status() == SubmissionStatus.WITHDRAWN,
                    !s.safeguarding() && changeable);
        }
    }

    /** "How to reach them" (rows from {@link ContactRows}) and whether there is any way to. */
    record Reach(boolean reachable, List<Map<String, Object>> rows) {
    }

    /** The copy-and-paste campaign it is part of (ADR 0034): its size, its shared text, a link to it. */
    record Campaign(String heading, String href, String linkText, String intro, String sharedText) {

        static Campaign of(Campaigns.Campaign c) {
            return new Campaign("Part of a group of " + c.size(), "/staff/triage?group=" + c.group(),
                    "See all " + c.size() + " in the triage queue",
                    c.size() + " submissions share most of their words with this one, as a copy-and-paste campaign does. "
                            + "As " + c.firstReference() + ", the first of them we received, sent it:",
                    c.sharedText());
        }
    }

    /** The lead's section: how and when it was flagged, what the screening found, the actions taken so far. */
    record Safeguarding(String how, String when, List<String> matched, String score, String learned,
                        List<Entry> actions, @Nullable String typed) {

        static Safeguarding of(SafeguardingActions.Flag flag, @Nullable List<SafeguardingActions.Action> actions,
                               StaffDirectory staff, @Nullable String typed) {
            boolean screened = flag.source().equals("SCREENING");
            List<SafeguardingActions.Action> taken = actions == null ? List.of() : actions;
            return new Safeguarding(screened ? "Found by the screening of free-text answers when it was sent"
                    : "Flagged by " + staff.email(flag.flaggedBy()), UkTime.moment(flag.flaggedAt()), flag.matched(),
                    screened ? String.valueOf(flag.score()) : "", SubmissionPage.learned(flag.learned()),
                    taken.stream().map(a -> new Entry(lines(a.action()), staff.email(a.takenBy()),
                            UkTime.moment(a.takenAt()))).toList(), typed);
        }
    }

    /** The triage forms' choices and current values: themes, dilemmas, who it is assigned to, its status. */
    record TriageForms(List<Map<String, Object>> themeItems, List<String> themes, List<Map<String, Object>> dilemmaItems,
                       List<String> dilemmas, List<Map<String, Object>> assigneeItems, String assignee,
                       List<Map<String, Object>> statusItems, String status) {

        static TriageForms of(TriageSubmission s, StaffDirectory staff) {
            return new TriageForms(Arrays.stream(Theme.values()).map(t -> item(t.name(), t.label())).toList(), s.themes(),
                    Arrays.stream(Dilemma.values()).map(d -> item(d.name(), TriageWords.dilemma(d))).toList(), s.dilemmas(),
                    QueueOptions.assignees(staff, s.safeguarding()),
                    s.assignee() == null ? "" : s.assignee().toString(), statuses(s.status()), s.status().name());
        }
    }

    /** The notes so far and what was typed into the note form if it failed. */
    record Notes(List<Entry> rows, @Nullable String typed) {
    }

    /** A note or a safeguarding action: its text as paragraphs, who wrote it and when. */
    record Entry(List<String> lines, String who, String when) {
    }

    /** The statuses it may move to from here, the current one first (checked). */
    private static List<Map<String, Object>> statuses(SubmissionStatus current) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(current.name(), TriageWords.status(current) + " (as it is now)"));
        StatusRules.nextFrom(current).forEach(s -> items.add(item(s.name(), TriageWords.status(s))));
        return items;
    }

    /** What the learned check found, in plain words; empty when it did not flag it. */
    static String learned(@Nullable Double probability) {
        if (probability == null) {
            return "";
        }
        long inHundred = Math.max(0, Math.min(100, Math.round(probability * 100)));
        return "The screening's learned check found it likely to tell of harm (" + inHundred + " in 100)";
    }

    /** Text as paragraphs: one per line, blank lines dropped. */
    static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
