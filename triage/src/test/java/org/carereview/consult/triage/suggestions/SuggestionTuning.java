package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.RealEncoder;
import org.carereview.consult.triage.suggestions.Evaluation.Result;
import org.carereview.consult.triage.suggestions.LabelledAnswers.Labelled;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How {@link Weights} were chosen: grids searched by cross-validation inside the labelled set's train split only
 * (this class never reads a held-out answer). Stages: {@code themes} and {@code dilemmas} rank settings by mean CV
 * precision@1 at 20 and 50 examples per code; {@code calibrate} picks the temperatures and the "no dilemma" score by
 * the negative log-likelihood of the gold codes at 50; {@code current} prints the defaults' CV figures. Run by hand with the classpath bench/suggestions/run.sh builds:
 *   java -cp ... org.carereview.consult.triage.suggestions.SuggestionTuning themes|dilemmas|calibrate|current
 */
final class SuggestionTuning {

    private final List<Labelled> train = LabelledAnswers.load().train();
    private final Evaluation eval = new Evaluation(new Suggester(RealEncoder.get()), train);

    private SuggestionTuning() {
    }

    public static void main(String[] args) {
        SuggestionTuning t = new SuggestionTuning();
        switch (args.length > 0 ? args[0] : "themes") {
            case "themes" -> t.grid(true);
            case "dilemmas" -> t.grid(false);
            case "calibrate" -> t.calibrate();
            case "current" -> t.current();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private void grid(boolean themes) {
        ToDoubleFunction<Result> metric = themes ? Result::themeP1 : Result::dilemmaP1;
        double best = -1;
        Weights bestW = null;
        for (double description : new double[] {0, 0.3, 1, 3}) {
            for (double sentenceShare : new double[] {0, 0.5, 1}) {
                for (double neighbours : new double[] {0, 0.1, 0.3}) {
                    for (double words : new double[] {0, 0.25, 1}) {
                        Weights w = new Weights(description, sentenceShare, 1, neighbours, 10, 0.05, words, 0.05, 0.5);
                        double p = (mean(eval.crossValidate(train, 20, 2, w, w), metric)
                                + mean(eval.crossValidate(train, 50, 2, w, w), metric)) / 2;
                        System.out.printf("%s  CV p@1 %.3f%n", w, p);
                        if (p > best) {
                            best = p;
                            bestW = w;
                        }
                    }
                }
            }
        }
        System.out.println("best " + bestW + " " + best);
    }

    private void current() {
        for (int n : new int[] {0, 20, 50}) {
            List<Result> r = eval.crossValidate(train, n, n == 0 ? 1 : 3, Weights.THEMES, Weights.DILEMMAS);
            System.out.printf("%d per code: themes p@1 %.3f r@3 %.3f, dilemmas p@1 %.3f%n", n, mean(r, Result::themeP1),
                    mean(r, Result::themeR3), mean(r, Result::dilemmaP1));
        }
    }

    private void calibrate() {
        for (double t : new double[] {0.02, 0.03, 0.04, 0.05, 0.07, 0.1}) {
            Weights themes = Weights.THEMES.withTemperature(t);
            System.out.printf("themes temperature %.2f: NLL %.3f (0 examples: %.3f)%n", t,
                    mean(eval.crossValidate(train, 50, 2, themes, Weights.DILEMMAS), Result::themeLoss),
                    mean(eval.crossValidate(train, 0, 1, themes, Weights.DILEMMAS), Result::themeLoss));
        }
        for (double t : new double[] {0.03, 0.05, 0.07, 0.1}) {
            for (double none : new double[] {0.7, 0.8, 0.85, 0.9, 0.95, 1.0}) {
                Weights dilemmas = Weights.DILEMMAS.withTemperature(t).withNoDilemma(none);
                List<Result> r = eval.crossValidate(train, 50, 2, Weights.THEMES, dilemmas);
                System.out.printf("dilemmas temperature %.2f, no dilemma %.2f: NLL %.3f, found %.2f, false %.2f%n", t,
                        none, mean(r, Result::dilemmaLoss), mean(r, Result::found), mean(r, Result::falseFound));
            }
        }
    }

    private static double mean(List<Result> r, ToDoubleFunction<Result> f) {
        return r.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
