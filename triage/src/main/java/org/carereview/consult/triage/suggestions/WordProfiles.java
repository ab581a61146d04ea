package org.carereview.consult.triage.suggestions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word overlap, beside the model's vectors: each code's profile is the mean of its tagged answers' word weights
 * (tf-idf over the tagged answers), and an answer scores the cosine of its own weights with the profile. The model
 * knows meaning; this knows the review's own vocabulary ("IRO", "caseload", "special guardianship").
 */
final class WordProfiles {

    private final Map<String, Double> idf = new HashMap<>();
    private final Map<Enum<?>, Map<String, Double>> profiles = new HashMap<>();

    WordProfiles(List<TaggedExample> examples, Map<TaggedExample, List<Enum<?>>> codes) {
        Map<String, Integer> df = new HashMap<>();
        for (TaggedExample e : examples) {
            Words.of(e.text()).keySet().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        df.forEach((w, n) -> idf.put(w, Math.log((examples.size() + 1.0) / (n + 1.0)) + 1));
        Map<Enum<?>, Integer> counts = new HashMap<>();
        for (TaggedExample e : examples) {
            Map<String, Double> weights = weigh(Words.of(e.text()));
            for (Enum<?> code : codes.get(e)) {
                counts.merge(code, 1, Integer::sum);
                Map<String, Double> profile = profiles.computeIfAbsent(code, c -> new HashMap<>());
                weights.forEach((w, x) -> profile.merge(w, x, Double::sum));
            }
        }
        profiles.replaceAll((code, profile) -> unit(profile));
    }

    /** Cosine of the answer's word weights with the code's profile; 0 when the code has no tagged answer. */
    double score(Map<String, Integer> bag, Enum<?> code) {
        Map<String, Double> profile = profiles.get(code);
        if (profile == null) {
            return 0;
        }
        Map<String, Double> weights = weigh(bag);
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            sum += e.getValue() * profile.getOrDefault(e.getKey(), 0.0);
        }
        return sum;
    }

    boolean has(Enum<?> code) {
        return profiles.containsKey(code);
    }

    private Map<String, Double> weigh(Map<String, Integer> bag) {
        Map<String, Double> out = new HashMap<>();
        bag.forEach((w, n) -> {
            Double i = idf.get(w);
            if (i != null) {
                out.put(w, (1 + Math.log(n)) * i);
            }
        });
        return unit(out);
    }

    private static Map<String, Double> unit(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            v.replaceAll((w, x) -> x / norm);
        }
        return v;
    }
}
