package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.triage.StatusRules;
import org.carereview.consult.triage.TriageSubmission;
import org.carereview.consult.triage.campaigns.Campaigns;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.item;
import static org.carereview.consult.web.pages.GovukItems.row;

/** One submission's page: what was sent, the forms to tag, assign and move it on, notes, history, safeguarding. */
final class SubmissionPage {

    static final String VIEW = "triage/submission";


    private SubmissionPage() {
    }

    /** {@code typed}: what the person typed into a form that failed ("text" of a note, "action"), to show again. */
    static Map<String, Object> model(TriageSubmission s, Viewer viewer, StaffDirectory staff, List<Area> areas,
                                     @Nullable String banner, Map<String, String> typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", s.id().toString());
        model.put("base", "/staff/triage/" + s.id());
        model.put("reference", s.reference());
        model.put("banner", banner);
        model.put("statusText", TriageWords.status(s.status()));
        model.put("statusClasses", TriageWords.statusClasses(s.status()));
        model.put("summary", summary(s, staff, areas));
        model.put("details", details(s.details()));
        model.put("seesContact", s.contact() != null);
        model.put("reachable", s.contact() != null && s.contact().reachable());
        model.put("contact", s.contact() == null ? List.of() : contact(s.contact()));
        boolean changeable = s.status() != SubmissionStatus.QUARANTINED && s.status() != SubmissionStatus.WITHDRAWN;
        model.put("changeable", changeable);
        model.put("quarantined", s.status() == SubmissionStatus.QUARANTINED);
        model.put("withdrawn", s.status() == SubmissionStatus.WITHDRAWN);
        model.put("themeItems", Arrays.stream(Theme.values()).map(t -> item(t.name(), t.label())).toList());
        model.put("dilemmaItems", Arrays.stream(Dilemma.values()).map(d -> item(d.name(), TriageWords.dilemma(d))).toList());
        model.put("themes", s.themes());
        model.put("dilemmas", s.dilemmas());
        model.put("assigneeItems", QueueOptions.assignees(staff, s.safeguarding()));
        model.put("assignee", s.assignee() == null ? "" : s.assignee().toString());
        model.put("statusItems", statuses(s.status()));
        model.put("status", s.status().name());
        model.put("flagged", s.safeguarding());
        model.put("canFlag", !s.safeguarding() && changeable);
        model.put("noteText", typed.get("text"));
        model.put("actionText", typed.get("action"));
        model.put("notes", s.notes().stream().map(n -> Map.of("lines", lines(n.text()), "who", staff.email(n.author()),
                "when", UkTime.moment(n.createdAt()))).toList());
        model.put("history", HistoryRows.of(s.history(), staff));
        model.put("lead", viewer.seesFlagged() && s.safeguarding());
        model.put("flag", flag(s.flag(), staff));
        List<SafeguardingActions.Action> actions = s.safeguardingActions() == null ? List.of() : s.safeguardingActions();
        model.put("actions", actions.stream().map(a -> Map.of("lines", lines(a.action()), "who", staff.email(a.takenBy()),
                "when", UkTime.moment(a.takenAt()))).toList());
        return model;
    }

    /** The copy-and-paste campaign this submission is part of (ADR 0034): its size, its shared text, a link to it. */
    static Map<String, Object> campaign(Campaigns.Campaign c) {
        return Map.of("heading", "Part of a group of " + c.size(), "href", "/staff/triage?group=" + c.group(),
                "linkText", "See all " + c.size() + " in the triage queue",
                "intro", c.size() + " submissions share most of their words with this one, as a copy-and-paste campaign does. "
                        + "As " + c.firstReference() + ", the first of them we received, sent it:",
                "sharedText", c.sharedText());
    }

    private static List<Map<String, Object>> summary(TriageSubmission s, StaffDirectory staff, List<Area> areas) {
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
            rows.add(row("Agreed their words may be quoted", yesNo(s.consentToPublish())));
        }
        return rows;
    }

    private static List<Map<String, Object>> details(List<ChannelContent.Detail> details) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelContent.Detail d : details) {
            List<String> lines = lines(d.value());
            rows.add(lines.isEmpty() ? row(d.label(), "Not answered") : GovukItems.row(d.label(), lines));
        }
        return rows;
    }

    /**
     * "How to reach them" as rows {@code {key, value?, href?, lines?}}: a row with {@code href} is a link
     * (mailto: or tel:), one with {@code lines} a short list. Only built for the lead and administrators.
     */
    private static List<Map<String, Object>> contact(TriageSubmission.ContactDetails c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Agreed to be contacted", c.consentToContact() == null
                ? "Not asked (they gave these details with what they sent)" : yesNo(c.consentToContact())));
        // An owner account means they were signed in, or gave an email address (which makes them an account).
        rows.add(row("Signed in or has an account", c.signedIn()
                ? "Yes: they can sign in with their email address to see what they sent" : "No"));
        if (c.email() != null) {
            rows.add(link("Email address", c.email(), "mailto:" + c.email()));
        }
        if (c.accountEmail() != null) {
            rows.add(link("Email address they signed in with (they gave no other)", c.accountEmail(),
                    "mailto:" + c.accountEmail()));
        }
        if (c.phone() != null) {
            rows.add(link("Phone number", c.phone(), "tel:" + dialable(c.phone())));
        }
        Contact.TrustedAdult adult = c.trustedAdult();
        if (adult != null) {
            List<String> lines = new ArrayList<>();
            if (adult.name() != null) {
                lines.add(adult.name());
            }
            if (adult.relationship() != null) {
                lines.add("How they know them: " + adult.relationship());
            }
            if (adult.consentToContact() != null) {
                lines.add(adult.consentToContact() ? "They agreed we may contact this adult"
                        : "They did not agree that we may contact this adult");
            }
            rows.add(row("Trusted adult", lines));
            if (adult.email() != null) {
                rows.add(link("Trusted adult's email address", adult.email(), "mailto:" + adult.email()));
            }
            if (adult.phone() != null) {
                rows.add(link("Trusted adult's phone number", adult.phone(), "tel:" + dialable(adult.phone())));
            }
        }
        return rows;
    }

    private static Map<String, Object> link(String key, String text, String href) {
        Map<String, Object> row = new HashMap<>(row(key, text));
        row.put("href", href);
        return row;
    }

    /** A phone number as a tel: link wants it: digits and a leading +, nothing else. */
    static String dialable(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return phone.strip().startsWith("+") ? "+" + digits : digits;
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** The statuses it may move to from here, the current one first (checked). */
    private static List<Map<String, Object>> statuses(SubmissionStatus current) {
        List<SubmissionStatus> next = StatusRules.nextFrom(current);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(current.name(), TriageWords.status(current) + " (as it is now)"));
        next.forEach(s -> items.add(item(s.name(), TriageWords.status(s))));
        return items;
    }

    @Nullable
    private static Map<String, Object> flag(@Nullable SafeguardingActions.Flag flag, StaffDirectory staff) {
        if (flag == null) {
            return null;
        }
        boolean screened = flag.source().equals("SCREENING");
        return Map.of("how", screened ? "Found by the screening of free-text answers when it was sent"
                        : "Flagged by " + staff.email(flag.flaggedBy()),
                "score", screened ? String.valueOf(flag.score()) : "",
                "matched", flag.matched(),
                "learned", learned(flag.learned()),
                "when", UkTime.moment(flag.flaggedAt()));
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
