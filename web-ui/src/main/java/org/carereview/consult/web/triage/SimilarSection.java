package org.carereview.consult.web.triage;

import org.carereview.consult.triage.similar.Similar;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The submission page's "More like this" (ADR 0036): up to 10 submissions nearest in meaning that the viewer may
 * see, each a link with its channel and how alike it is ({@code rows}), or why there are none yet ({@code waiting}).
 * Not {@code shown} when it could not be read or the submission was withdrawn.
 */
record SimilarSection(boolean shown, boolean waiting, List<Map<String, Object>> rows) {

    static SimilarSection of(Optional<Similar> similar, boolean withdrawn) {
        List<Map<String, Object>> rows = similar.map(Similar::items).orElse(List.of()).stream()
                .map(item -> Map.<String, Object>of("href", "/staff/triage/" + item.id(), "reference", item.reference(),
                        "snippet", item.snippet(), "channel", TriageWords.kind(item.kind()),
                        "alike", alike(item.similarity())))
                .toList();
        return new SimilarSection(similar.isPresent() && !withdrawn, similar.map(Similar::waiting).orElse(false), rows);
    }

    /** How alike, as a percentage: 0.87 is "87%". */
    static String alike(double similarity) {
        return Math.round(Math.max(0, Math.min(1, similarity)) * 100) + "%";
    }
}
