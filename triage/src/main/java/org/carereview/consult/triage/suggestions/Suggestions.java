package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.List;

/**
 * Every theme and every dilemma of the frame ranked for one answer, most likely first; both empty for a blank
 * answer. Dilemma confidences sum to less than 1: the rest is "no dilemma", as most answers raise none.
 */
public record Suggestions(List<Suggestion<Theme>> themes, List<Suggestion<Dilemma>> dilemmas) {

    public static final Suggestions NONE = new Suggestions(List.of(), List.of());

    public Suggestions {
        themes = List.copyOf(themes);
        dilemmas = List.copyOf(dilemmas);
    }
}
