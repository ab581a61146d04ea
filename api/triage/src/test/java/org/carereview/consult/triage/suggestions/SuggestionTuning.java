package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.RealEncoder;
import org.carereview.consult.triage.suggestions.LabelledAnswers.Labelled;

import java.util.List;

/**
 * How {@link Weights} were chosen: a grid searched by cross-validation inside the labelled set's train split only
 * (the held-out answers are never read here). Prints each setting's mean CV precision@1 at 20 and 50 examples per
 * code, best last. Run by hand: java ... SuggestionTuning (classpath as bench/suggestions/run.sh builds it).
 */
final class SuggestionTuning {

    private SuggestionTuning() {
    }

    private static double themeP1(Evaluation eval, List<Labelled> train, Weights w) {
        double p = 0;
        for (int n : new int[] {20, 50}) {
            p += eval.crossValidate(train, n, 2, w, w).stream()
                    .mapToDouble(Evaluation.Result::themeP1).average().orElse(0) / 2;
        }
        return p;
    }

    public static void main(String[] args) {
        List<Labelled> train = LabelledAnswers.load().train();
        Suggester suggester = new Suggester(RealEncoder.get());
        Evaluation eval = new Evaluation(suggester, train);
        String stage = args.length > 0 ? args[0] : "rank";
        double best = -1;
        Weights bestW = null;
        if (stage.equals("confusion")) {
            int[][] m = new int[7][7];
            List<Labelled> shuffled = new java.util.ArrayList<>(train);
            java.util.Collections.shuffle(shuffled, new java.util.Random(5));
            for (int f = 0; f < 5; f++) {
                List<Labelled> test = new java.util.ArrayList<>();
                List<Labelled> pool = new java.util.ArrayList<>();
                for (int i = 0; i < shuffled.size(); i++) {
                    (i % 5 == f ? test : pool).add(shuffled.get(i));
                }
                TaggedSet tagged = eval.draw(pool, 50, f);
                for (Labelled a : test) {
                    var top = suggester.suggest(suggester.read(a.text()), tagged, Weights.THEMES, Weights.DILEMMAS)
                            .themes().get(0).code();
                    m[a.themes().get(0).ordinal()][top.ordinal()]++;
                    if (!a.themes().contains(top) && f == 0) {
                        System.out.println(a.id() + " -> " + top + ": " + a.text());
                    }
                }
            }
            for (int[] row : m) {
                System.out.println(java.util.Arrays.toString(row));
            }
        }
        if (stage.equals("words")) {
            for (double description : new double[] {0.3, 0.6}) {
                for (double words : new double[] {0, 0.25, 0.5, 1, 2}) {
                    Weights w = new Weights(description, 1, 1, 0, 10, 0.05, 0, 0.01, words, 0.05, 0.5);
                    double p = themeP1(eval, train, w);
                    System.out.printf("%s  theme CV p@1 %.3f%n", w, p);
                    if (p > best) {
                        best = p;
                        bestW = w;
                    }
                }
            }
            System.out.println("best " + bestW + " " + best);
        }
        if (stage.equals("linear")) {
            for (double centroid : new double[] {1, 0.3}) {
                for (double linear : new double[] {0.03, 0.1, 0.3}) {
                    for (double decay : new double[] {0.001, 0.01, 0.1}) {
                        Weights w = new Weights(0.3, 1, centroid, 0, 10, 0.05, linear, decay, 0, 0.05, 0.5);
                        double p = themeP1(eval, train, w);
                        System.out.printf("%s  theme CV p@1 %.3f%n", w, p);
                        if (p > best) {
                            best = p;
                            bestW = w;
                        }
                    }
                }
            }
            System.out.println("best " + bestW + " " + best);
        }
    }
}
