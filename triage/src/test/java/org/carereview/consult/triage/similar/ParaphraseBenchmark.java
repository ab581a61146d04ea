package org.carereview.consult.triage.similar;

import org.carereview.consult.core.safeguarding.RealEncoder;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.carereview.consult.triage.similar.ParaphrasePairs.Pair;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * "Same point, other words" (bash bench/paraphrases/run.sh) on the labelled pairs with the real model: each pair's
 * similarity as "More like this" computes it for one-answer submissions (the cosine of the two unit vectors, to 2
 * places), the threshold chosen again on the train split (the lowest at and above which train precision of
 * {@code same} never falls below 0.9), then precision and recall of {@code same} on both splits at
 * {@link NearDuplicates#THRESHOLD}, and how many {@code topic} and {@code other} pairs pass it (false alarms).
 */
final class ParaphraseBenchmark {

    static final double TARGET_PRECISION = 0.9;
    static final double MIN_RECALL = 0.2;

    private ParaphraseBenchmark() {
    }

    record Scored(Pair pair, double similarity) {
    }

    record Figures(int passed, int truePositives, int positives, Map<String, Long> passedByLabel) {
        double precision() {
            return passed == 0 ? Double.NaN : (double) truePositives / passed;
        }

        double recall() {
            return (double) truePositives / positives;
        }
    }

    public static void main(String[] args) {
        ParaphrasePairs set = ParaphrasePairs.load();
        long start = System.nanoTime();
        SentenceEncoder encoder = RealEncoder.get();
        List<Scored> scored = set.all().stream().map(p -> new Scored(p, similarity(encoder, p))).toList();
        List<Scored> train = scored.stream().filter(s -> !s.pair().heldOut()).toList();
        List<Scored> heldOut = scored.stream().filter(s -> s.pair().heldOut()).toList();
        System.out.printf("Labelled pairs: %d (train %s; held-out %s); model %s; encoded in %.1f s%n", scored.size(),
                counts(train), counts(heldOut), encoder.name(), (System.nanoTime() - start) / 1e9);
        double chosen = choose(train);
        System.out.printf("Threshold chosen on train (lowest with precision >= %.2f at it and above; if none, the highest precision "
                + "marking at least %.0f%% of same pairs): %.2f; NearDuplicates.THRESHOLD = %.2f%s%n", TARGET_PRECISION,
                MIN_RECALL * 100, chosen, NearDuplicates.THRESHOLD,
                Math.abs(chosen - NearDuplicates.THRESHOLD) < 1e-9 ? "" : "  <-- DIFFERENT");
        System.out.println();
        System.out.println("  split    | pairs | precision of same | recall of same  | passing: same / topic / other");
        report("train", train);
        report("held-out", heldOut);
        System.out.println();
        System.out.println("Mean similarity by label (train | held-out):");
        for (String label : List.of("same", "topic", "other")) {
            System.out.printf("  %-5s %.3f | %.3f%n", label, mean(train, label), mean(heldOut, label));
        }
        if (args.length > 0 && args[0].equals("--pairs")) {
            scored.forEach(s -> System.out.printf("%d\t%s\t%s\t%.2f%n", s.pair().id(), s.pair().heldOut() ? "held-out"
                    : "train", s.pair().label(), s.similarity()));
        }
    }

    static double similarity(SentenceEncoder encoder, Pair pair) {
        float[] a = encoder.encode(pair.a());
        float[] b = encoder.encode(pair.b());
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.round(Math.max(0, dot) * 100) / 100.0;
    }

    /**
     * The lowest threshold (in hundredths) such that precision of same is at least the target there and above. If no
     * threshold reaches it (the case for all-MiniLM-L6-v2's mean vectors), the one with the highest train precision
     * among those that still mark at least a fifth of the same pairs, the higher on a tie.
     */
    static double choose(List<Scored> train) {
        int best = 101;
        for (int t = 100; t >= 0; t--) {
            Figures f = figures(train, t / 100.0);
            if (f.passed() > 0 && f.precision() < TARGET_PRECISION) {
                break;
            }
            if (f.passed() > 0) {
                best = t;
            }
        }
        if (best <= 100 && figures(train, best / 100.0).recall() >= MIN_RECALL) {
            return best / 100.0;
        }
        double bestPrecision = -1;
        for (int t = 100; t >= 0; t--) {
            Figures f = figures(train, t / 100.0);
            if (f.recall() >= MIN_RECALL && f.precision() > bestPrecision) {
                bestPrecision = f.precision();
                best = t;
            }
        }
        return best / 100.0;
    }

    static Figures figures(List<Scored> pairs, double threshold) {
        List<Scored> passing = pairs.stream().filter(s -> s.similarity() >= threshold - 1e-9).toList();
        return new Figures(passing.size(), (int) passing.stream().filter(s -> s.pair().same()).count(),
                (int) pairs.stream().filter(s -> s.pair().same()).count(),
                passing.stream().collect(Collectors.groupingBy(s -> s.pair().label(), Collectors.counting())));
    }

    private static void report(String name, List<Scored> pairs) {
        Figures f = figures(pairs, NearDuplicates.THRESHOLD);
        System.out.printf("  %-8s | %5d | %.3f (%3d of %3d) | %.3f (%2d of %2d) | %d / %d / %d%n", name, pairs.size(),
                f.precision(), f.truePositives(), f.passed(), f.recall(), f.truePositives(), f.positives(),
                f.passedByLabel().getOrDefault("same", 0L), f.passedByLabel().getOrDefault("topic", 0L),
                f.passedByLabel().getOrDefault("other", 0L));
    }

    private static String counts(List<Scored> pairs) {
        Map<String, Long> by = pairs.stream().collect(Collectors.groupingBy(s -> s.pair().label(), Collectors.counting()));
        return by.getOrDefault("same", 0L) + " same, " + by.getOrDefault("topic", 0L) + " topic, "
                + by.getOrDefault("other", 0L) + " other";
    }

    private static double mean(List<Scored> pairs, String label) {
        ToDoubleFunction<Scored> f = Scored::similarity;
        return pairs.stream().filter(s -> s.pair().label().equals(label)).mapToDouble(f).average().orElse(Double.NaN);
    }
}
