package org.carereview.consult.web.deepdives;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.deepdives.Audience;
import org.carereview.consult.deepdives.ParticipantType;
import org.carereview.consult.deepdives.Session;
import org.carereview.consult.deepdives.Tags;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The choices deep-dive forms offer, as the GOV.UK fragments read them. */
final class Options {

    /** The themes in plain words, for people who have not read the review's terms of reference. */
    private static final Map<Theme, String> THEME_HINTS = Map.of(
            Theme.SUPPORT, "Help for children and families who have contact with social care",
            Theme.STRENGTHENING_FAMILIES, "Helping children stay safely with their families",
            Theme.SAFETY, "Children who need care get it quickly and are safe",
            Theme.CARE, "A stable, loving home in care, and support when leaving it",
            Theme.DELIVERY, "Social workers and other staff, leaders, and services working together",
            Theme.SUSTAINABILITY, "Spending money where it makes the most difference",
            Theme.ACCOUNTABILITY, "Checking that councils and the government do what they should");

    private Options() {
    }

    static List<Map<String, Object>> participantTypes() {
        return Arrays.stream(ParticipantType.values()).map(t -> GovukItems.item(t.name(), t.label())).toList();
    }

    static List<Map<String, Object>> themes() {
        return Arrays.stream(Theme.values()).map(t -> GovukItems.item(t.name(), t.label(), THEME_HINTS.get(t))).toList();
    }

    /** Checkboxes with their own name and ids, for one card among several on a page. */
    static List<Map<String, Object>> themes(String name) {
        return named(name, Arrays.stream(Theme.values()).map(t -> new String[]{t.name(), t.label()}).toList());
    }

    static List<Map<String, Object>> dilemmas(String name) {
        return named(name, Arrays.stream(Dilemma.values()).map(d -> new String[]{d.name(), Tags.label(d)}).toList());
    }

    static List<Map<String, Object>> audiences() {
        return Arrays.stream(Audience.values()).map(a -> GovukItems.item(a.name(), a.label())).toList();
    }

    /** "No particular session" and then each session, for a select. */
    static List<Map<String, Object>> sessions(List<Session> sessions) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("value", "", "text", "No particular session"));
        sessions.forEach(s -> items.add(Map.of("value", s.id().toString(), "text", s.describe())));
        return items;
    }

    private static List<Map<String, Object>> named(String name, List<String[]> codesAndLabels) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < codesAndLabels.size(); i++) {
            items.add(Map.of("value", codesAndLabels.get(i)[0], "text", codesAndLabels.get(i)[1], "name", name,
                    "id", i == 0 ? name : name + "-" + (i + 1)));
        }
        return items;
    }
}
