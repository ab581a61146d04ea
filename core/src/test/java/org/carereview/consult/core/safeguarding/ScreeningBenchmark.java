package org.carereview.consult.core.safeguarding;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The screening benchmark ({@code bash bench/screening/run.sh}): recall and precision on the held-out split
 * (phrases as matched before, phrases read through {@link Canonical}, and phrases plus the learned check),
 * the threshold chosen by cross-validation on the training split, screening latency per answer, and what the
 * model costs (jar size, load time, memory). The held-out file is read only to be scored.
 */
public final class ScreeningBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> files = args.length > 0 ? List.of(args)
                : List.of("bench/screening/held-out.tsv", "bench/screening/held-out-care-histories.tsv");
        List<LabelledText> train = LabelledText.shipped();
        Map<String, List<LabelledText>> byFile = new java.util.LinkedHashMap<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (String file : files) {
            List<LabelledText> texts = LabelledText.parse(Files.readString(Path.of(file)), file);
            byFile.put(Path.of(file).getFileName().toString(), texts);
            heldOut.addAll(texts);
        }
        Map<String, Integer> phrases;
        try (var in = ScreeningBenchmark.class.getClassLoader().getResourceAsStream("safeguarding/phrases.tsv")) {
            phrases = PhraseSeeder.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        System.out.printf("Labelled set: %d training (%d disclosures), %d held out (%d disclosures); %d phrases%n",
                train.size(), train.stream().filter(LabelledText::disclosure).count(), heldOut.size(),
                heldOut.stream().filter(LabelledText::disclosure).count(), phrases.size());

        // The model's cost.
        System.gc();
        long heapBefore = usedHeap();
        long rssBefore = rss();
        long t0 = System.nanoTime();
        SentenceEncoder encoder = new MiniLmEncoder();
        encoder.encode("warm up");
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapAfter = usedHeap();
        long rssAfter = rss();

        // Training split only: vectors, cross-validated threshold, the classifier.
        long t1 = System.nanoTime();
        java.util.Map<String, float[]> made = new java.util.HashMap<>();
        java.util.function.Function<String, float[]> encode = s -> made.computeIfAbsent(s, encoder::encode);
        List<Classifier.Example> examples = Training.vectors(train, encode);
        long embedMs = (System.nanoTime() - t1) / 1_000_000;
        List<List<float[]>> pieces = Training.pieces(train, encode);
        boolean[] caught = new boolean[train.size()];
        for (int i = 0; i < train.size(); i++) {
            caught[i] = matcher.match(train.get(i).text(), 10).flagged();
        }
        System.out.println();
        System.out.println("Cross-validation on the training split (5 folds), threshold for recall >= "
                + Training.TARGET_RECALL + ":");
        double bestL2 = 0;
        double tau = 0;
        double bestPrecision = -1;
        for (double l2 : new double[] {0.0001, 0.001, 0.01}) {
            double[] oof = Training.outOfFold(examples, pieces, l2, 42);
            double t = Training.threshold(examples, oof, caught, Training.TARGET_RECALL);
            int[] m = confusion(examples, oof, caught, t);
            System.out.printf("  l2 %-7s threshold %.2f  out-of-fold recall %.3f precision %.3f%n", l2, t,
                    recall(m), precision(m));
            if (precision(m) > bestPrecision) {
                bestPrecision = precision(m);
                bestL2 = l2;
                tau = t;
            }
        }
        long t2 = System.nanoTime();
        Classifier classifier = Classifier.train(examples, Training.L2, Training.EPOCHS);
        long trainMs = (System.nanoTime() - t2) / 1_000_000;
        double shipped = Double.parseDouble(LearnedConfiguration.DEFAULT_THRESHOLD);
        System.out.printf("Chosen by cross-validation: l2 %s, threshold %.2f; the service's: l2 %s, threshold %.2f%s%n",
                bestL2, tau, Training.L2, shipped,
                Math.abs(shipped - tau) < 0.005 && bestL2 == Training.L2 ? "" : "  (DIFFERENT: update the service's)");
        Learned learned = new Learned(encoder, classifier, shipped);

        System.out.println();
        System.out.println("Held-out split (never used to train or to choose phrases or thresholds):");
        int[] old = score(heldOut, t -> OldPhraseMatch.flagged(t, phrases, 10));
        int[] norm = score(heldOut, t -> matcher.match(t, 10).flagged());
        int[] both = score(heldOut, t -> matcher.match(t, 10).flagged() || learned.flags(t));
        line("phrases alone, as matched before", old);
        line("phrases read through normalisation", norm);
        line("phrases + learned check", both);
        for (Map.Entry<String, List<LabelledText>> file : byFile.entrySet()) {
            line("  of which " + file.getKey(), score(file.getValue(),
                    t -> matcher.match(t, 10).flagged() || learned.flags(t)));
        }
        System.out.println();
        System.out.println("Disclosures still missed by phrases + learned check:");
        for (LabelledText t : heldOut) {
            if (t.disclosure() && !(matcher.match(t.text(), 10).flagged() || learned.flags(t.text()))) {
                System.out.printf("  [%s, %s] %s%n", t.category(), t.voice(), t.text());
            }
        }
        System.out.println("Ordinary answers flagged (a lead reads them):");
        int shown = 0;
        for (LabelledText t : heldOut) {
            if (!t.disclosure() && (matcher.match(t.text(), 10).flagged() || learned.flags(t.text())) && shown++ < 20) {
                System.out.printf("  [%s] %s%n", t.category(), t.text());
            }
        }

        // Latency per answer: every held-out text, then long answers (the held-out texts strung together).
        List<String> answers = new ArrayList<>();
        heldOut.forEach(t -> answers.add(t.text()));
        for (int i = 0; i + 8 <= heldOut.size(); i += 8) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < i + 8; j++) {
                sb.append(heldOut.get(j).text()).append(". ");
            }
            answers.add(sb.toString());
        }
        for (int warm = 0; warm < 2; warm++) {
            answers.forEach(a -> { matcher.match(a, 10); learned.flags(a); });
        }
        long[] phraseNs = new long[answers.size()];
        long[] fullNs = new long[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            long a = System.nanoTime();
            matcher.match(answers.get(i), 10);
            long b = System.nanoTime();
            learned.flags(answers.get(i));
            long c = System.nanoTime();
            phraseNs[i] = b - a;
            fullNs[i] = c - a;
        }
        System.out.println();
        System.out.printf("Latency per answer (%d answers: %d short, %d of about 8 sentences), one thread:%n",
                answers.size(), heldOut.size(), answers.size() - heldOut.size());
        System.out.printf("  phrases alone:           p50 %.3f ms  p99 %.3f ms%n", pct(phraseNs, 50), pct(phraseNs, 99));
        System.out.printf("  phrases + learned check: p50 %.3f ms  p99 %.3f ms%n", pct(fullNs, 50), pct(fullNs, 99));
        System.out.println();
        System.out.println("The model's cost:");
        long jars = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.matches(".*(langchain4j|onnxruntime|djl).*\\.jar")) {
                long size = Files.size(Path.of(entry));
                jars += size;
                System.out.printf("  %-70s %6.1f MB%n", Path.of(entry).getFileName(), size / 1e6);
            }
        }
        System.out.printf("  jars in all: %.1f MB%n", jars / 1e6);
        System.out.printf("  load (first use of the model): %d ms; vectors for %d training texts: %d ms; training: %d ms%n",
                loadMs, train.size(), embedMs, trainMs);
        System.out.printf("  memory after loading: heap +%.1f MB, resident +%.1f MB (resident now %.1f MB)%n",
                (heapAfter - heapBefore) / 1e6, (rssAfter - rssBefore) / 1e6, rssAfter / 1e6);
    }

    /** Phrases plus the model as the service runs them: any chunk at or over the threshold flags. */
    private record Learned(SentenceEncoder encoder, Classifier classifier, double threshold) {
        boolean flags(String text) {
            return HighestPiece.of(text, encoder, classifier).probability() >= threshold;
        }
    }

    /** The matching this change replaced: lower case, no apostrophes or punctuation, exact whole words. */
    static final class OldPhraseMatch {
        static boolean flagged(String text, Map<String, Integer> weights, int threshold) {
            String padded = " " + PhraseText.normalise(text) + " ";
            int score = 0;
            for (Map.Entry<String, Integer> phrase : weights.entrySet()) {
                if (padded.contains(" " + phrase.getKey() + " ")) {
                    score += phrase.getValue();
                }
            }
            return score >= threshold;
        }
    }

    private static int[] score(List<LabelledText> set, Predicate<String> flags) {
        int[] m = new int[4]; // tp, fp, fn, tn
        for (LabelledText t : set) {
            boolean p = flags.test(t.text());
            m[p ? (t.disclosure() ? 0 : 1) : (t.disclosure() ? 2 : 3)]++;
        }
        return m;
    }

    private static int[] confusion(List<Classifier.Example> ex, double[] p, boolean[] caught, double tau) {
        int[] m = new int[4];
        for (int i = 0; i < ex.size(); i++) {
            boolean f = caught[i] || p[i] >= tau;
            m[f ? (ex.get(i).disclosure() ? 0 : 1) : (ex.get(i).disclosure() ? 2 : 3)]++;
        }
        return m;
    }

    private static void line(String name, int[] m) {
        System.out.printf("  %-44s recall %.3f  precision %.3f  (%d of %d disclosures flagged; %d ordinary flagged)%n",
                name, recall(m), precision(m), m[0], m[0] + m[2], m[1]);
    }

    private static double recall(int[] m) {
        return m[0] / (double) Math.max(1, m[0] + m[2]);
    }

    private static double precision(int[] m) {
        return m[0] / (double) Math.max(1, m[0] + m[1]);
    }

    private static double pct(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux: reported as 0
        }
        return ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
    }
}
