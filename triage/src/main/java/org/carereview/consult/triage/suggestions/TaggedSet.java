package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers staff have tagged so far, made once and asked about many answers: the examples and, for each code,
 * the mean direction of the answers that carry it and their words' profile. Empty is fine (suggestions then rest on the descriptions).
 */
public final class TaggedSet {

    public static final TaggedSet EMPTY = new TaggedSet(List.of());

    private final List<TaggedExample> examples;
    private final Map<Enum<?>, float[]> centroids = new HashMap<>();
    private final WordProfiles words;

    private TaggedSet(List<TaggedExample> examples) {
        this.examples = List.copyOf(examples);
        Map<Enum<?>, double[]> sums = new HashMap<>();
        for (TaggedExample e : this.examples) {
            for (Enum<?> code : codes(e)) {
                double[] sum = sums.computeIfAbsent(code, c -> new double[e.vectorShared().length]);
                float[] v = e.vectorShared();
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
        }
        sums.forEach((code, sum) -> centroids.put(code, unit(sum)));
        Map<TaggedExample, List<Enum<?>>> codes = new IdentityHashMap<>();
        this.examples.forEach(e -> codes.put(e, codes(e)));
        this.words = new WordProfiles(this.examples, codes);
    }

    public static TaggedSet of(List<TaggedExample> examples) {
        return new TaggedSet(examples);
    }

    public int size() {
        return examples.size();
    }

    List<TaggedExample> examples() {
        return examples;
    }

    /** The unit mean of the answers tagged with the code, or null when none is. */
    float[] centroid(Enum<?> code) {
        return centroids.get(code);
    }

    WordProfiles words() {
        return words;
    }

    static Set<Theme> themes(TaggedExample e) {
        return e.themes();
    }

    static Set<Dilemma> dilemmas(TaggedExample e) {
        return e.dilemma().map(Set::of).orElse(Set.of());
    }

    private static List<Enum<?>> codes(TaggedExample e) {
        List<Enum<?>> out = new ArrayList<>(e.themes());
        e.dilemma().ifPresent(out::add);
        return out;
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0f : (float) (v[i] / norm);
        }
        return out;
    }
}
