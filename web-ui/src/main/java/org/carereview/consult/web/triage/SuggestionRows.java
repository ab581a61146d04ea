package org.carereview.consult.web.triage;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.TagSuggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggested themes and dilemmas (ADR 0035) in words: the code's name, how likely, the sentence that matched, links
 * to similar tagged submissions, and what the accept and reject buttons post.
 */
final class SuggestionRows {

    private SuggestionRows() {
    }

    /** The open suggestions of a submission's page. */
    static List<Map<String, Object>> open(List<TagSuggestions.View> views) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TagSuggestions.View v : views) {
            if (!"OPEN".equals(v.state())) {
                continue;
            }
            List<Map<String, Object>> similar = new ArrayList<>();
            for (int i = 0; i < v.similarIds().size(); i++) {
                similar.add(Map.of("href", "/staff/triage/" + v.similarIds().get(i), "text", v.similarReferences().get(i)));
            }
            rows.add(Map.of("name", name(v.frame(), v.code()), "kind", v.frame().equals("THEME") ? "Theme" : "Dilemma",
                    "likelihood", likelihood(v.confidence()), "sentence", v.sentence(), "similar", similar,
                    "frame", v.frame().toLowerCase(Locale.ROOT), "code", v.code()));
        }
        return rows;
    }

    static String name(String frame, String code) {
        return frame.equals("THEME") ? Theme.valueOf(code).label() : TriageWords.dilemma(Dilemma.valueOf(code));
    }

    /** "Likely (72%)": the words say what the number means, the number is there for those who want it. */
    static String likelihood(float confidence) {
        String word = confidence >= 0.6f ? "Likely" : confidence >= 0.3f ? "Possible" : "Less likely";
        return word + " (" + Math.round(confidence * 100) + "%)";
    }
}
