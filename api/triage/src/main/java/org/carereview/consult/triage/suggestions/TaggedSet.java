package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers staff have tagged so far, made once and asked about many answers: the examples and, for each code,
 * the mean direction of the answers that carry it. Empty is fine (suggestions then rest on the descriptions).
 */
public final class TaggedSet {

    public static final TaggedSet EMPTY = new TaggedSet(List.of());

    private final List<TaggedExample> examples;
    private final Map<Enum<?>, float[]> centroids = new HashMap<>();
    private final Map<String, Optional<Logistic>> models = new ConcurrentHashMap<>();
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
        Map<TaggedExample, List<Enum<?>>> codes = new java.util.IdentityHashMap<>();
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

    /**
     * The frame's logistic regression over the tagged answers' vectors (with a last class "none of the frame" when
     * {@code withNone}), fitted once per decay; empty until every code of the frame has at least one answer.
     */
    <C extends Enum<C>> Optional<Logistic> model(List<C> codes, Function<TaggedExample, Set<C>> codesOf,
                                                 boolean withNone, double decay) {
        if (codes.stream().anyMatch(c -> centroid(c) == null)) {
            return Optional.empty();
        }
        return models.computeIfAbsent(codes.get(0).getDeclaringClass().getName() + "/" + decay, key -> {
            List<float[]> inputs = new ArrayList<>();
            List<double[]> targets = new ArrayList<>();
            for (TaggedExample e : examples) {
                Set<C> own = codesOf.apply(e);
                if (own.isEmpty() && !withNone) {
                    continue;
                }
                double[] y = new double[codes.size() + (withNone ? 1 : 0)];
                for (C c : own) {
                    y[codes.indexOf(c)] = 1.0 / own.size();
                }
                if (own.isEmpty()) {
                    y[codes.size()] = 1;
                }
                inputs.add(e.vectorShared());
                targets.add(y);
            }
            return Optional.of(Logistic.fit(inputs, targets, decay));
        });
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
