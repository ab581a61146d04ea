package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.TagSuggestions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.item;

/** The model of the page that decides one theme's open suggestions at once (ADR 0035). */
final class SuggestionsPage {

    static final String VIEW = "triage/suggestions";

    private SuggestionsPage() {
    }

    static Map<String, Object> model(String theme, List<TagSuggestions.Candidate> candidates, @Nullable String banner) {
        String code = theme.strip().toUpperCase(Locale.ROOT);
        Map<String, Object> model = new HashMap<>();
        model.put("banner", banner);
        model.put("theme", code);
        List<Map<String, Object>> themes = new ArrayList<>();
        for (Theme t : Theme.values()) {
            themes.add(item(t.name(), t.label()));
        }
        model.put("themes", themes);
        String label = SuggestionRows.name("THEME", known(code) ? code : "SUPPORT");
        model.put("caption", candidates.size() == 1 ? "1 submission suggested " + label
                : candidates.size() + " submissions suggested " + label);
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (TagSuggestions.Candidate c : candidates) {
            n++;
            rows.add(Map.of("id", c.id().toString(), "checkboxId", n == 1 ? "ids" : "ids-" + n,
                    "href", "/staff/triage/" + c.id(), "reference", c.reference(),
                    "likelihood", SuggestionRows.likelihood(c.confidence()), "sentence", c.sentence()));
        }
        model.put("rows", rows);
        return model;
    }

    private static boolean known(String code) {
        for (Theme t : Theme.values()) {
            if (t.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
