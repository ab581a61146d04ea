package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.Optional;
import java.util.Set;

/**
 * An answer staff have tagged: its redacted text, its stored vector (ADR 33: the whole redacted answer, unit length, by the same model)
 * and its codes. The caller passes only answers the viewer may see (ADR 21), since suggestions quote their ids.
 */
public record TaggedExample(String id, String text, float[] vector, Set<Theme> themes, Optional<Dilemma> dilemma) {

    public TaggedExample {
        vector = vector.clone();
        themes = Set.copyOf(themes);
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    float[] vectorShared() {
        return vector;
    }
}
