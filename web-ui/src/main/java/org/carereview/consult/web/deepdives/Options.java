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
import java.util.function.UnaryOperator;

/** The choices deep-dive forms offer, as the GOV.UK fragments read them. */
final class Options {

    private Options() {
    }

    /** For staff pages, in the standard words. */
    static List<Map<String, Object>> participantTypes() {
        return Arrays.stream(ParticipantType.values()).map(t -> GovukItems.item(t.name(), t.label())).toList();
    }

    /**
     * The participant types for the participant's page, each worded from the bundle
     * ({@code deepdives.participantType.<code>}) by {@code words}, in the version its reader chose.
     */
    static List<Map<String, Object>> participantTypes(UnaryOperator<String> words) {
        return Arrays.stream(ParticipantType.values())
                .map(t -> GovukItems.item(t.name(), words.apply("deepdives.participantType." + t.name()))).toList();
    }

    /** The themes for the participant's page, from the bundle: {@code common.theme.<code>} and its {@code .hint}. */
    static List<Map<String, Object>> themes(UnaryOperator<String> words) {
        return Arrays.stream(Theme.values()).map(t -> GovukItems.item(t.name(), words.apply("common.theme." + t.name()),
                words.apply("common.theme." + t.name() + ".hint"))).toList();
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
