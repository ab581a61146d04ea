package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.TagSuggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.item;

/**
 * The page that decides one theme's open suggestions at once ({@code triage/suggestions}, ADR 0035): a banner for
 * what was just decided (or null), the theme chosen and the themes to choose from, the table's caption, and one row
 * per suggested submission.
 */
@Introspected
record SuggestionsPage(@Nullable String banner, String theme, List<Map<String, Object>> themes, String caption,
                       List<Map<String, Object>> rows) {

    static final String VIEW = "triage/suggestions";

    static SuggestionsPage model(String theme, List<TagSuggestions.Candidate> candidates, @Nullable String banner) {
        String code = theme.strip().toUpperCase(Locale.ROOT);
        List<Map<String, Object>> themes = new ArrayList<>();
        for (Theme t : Theme.values()) {
            themes.add(item(t.name(), t.label()));
        }
        String label = SuggestionRows.name("THEME", known(code) ? code : "SUPPORT");
        String caption = candidates.size() == 1 ? "1 submission suggested " + label
                : candidates.size() + " submissions suggested " + label;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TagSuggestions.Candidate c : candidates) {
            rows.add(Map.of("id", c.id().toString(), "href", "/staff/triage/" + c.id(), "reference", c.reference(),
                    "likelihood", SuggestionRows.likelihood(c.confidence()), "sentence", c.sentence()));
        }
        return new SuggestionsPage(banner, code, themes, caption, rows);
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
