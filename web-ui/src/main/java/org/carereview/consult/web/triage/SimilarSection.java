package org.carereview.consult.web.triage;

import org.carereview.consult.triage.similar.Similar;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The submission page's "More like this" (ADR 0036): up to 10 submissions nearest in meaning that the viewer may
 * see, each a link with its channel and how alike it is, or why there are none yet.
 */
final class SimilarSection {

    private SimilarSection() {
    }

    /** Adds {@code similar} (rows), {@code similarWaiting} and {@code similarShown} to the page's model. */
    static void add(Map<String, Object> model, Optional<Similar> similar) {
        model.put("similarShown", similar.isPresent() && !Boolean.TRUE.equals(model.get("withdrawn")));
        model.put("similarWaiting", similar.map(Similar::waiting).orElse(false));
        List<Map<String, Object>> rows = similar.map(Similar::items).orElse(List.of()).stream()
                .map(item -> Map.<String, Object>of("href", "/staff/triage/" + item.id(), "reference", item.reference(),
                        "snippet", item.snippet(), "channel", TriageWords.kind(item.kind()),
                        "alike", alike(item.similarity())))
                .toList();
        model.put("similar", rows);
    }

    /** How alike, as a percentage: 0.87 is "87%". */
    static String alike(double similarity) {
        return Math.round(Math.max(0, Math.min(1, similarity)) * 100) + "%";
    }
}
