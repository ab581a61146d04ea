package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.RealEncoder;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.carereview.consult.triage.suggestions.Evaluation.Result;
import org.carereview.consult.triage.suggestions.LabelledAnswers.Labelled;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Quality of theme and dilemma suggestions (bash bench/suggestions/run.sh) on the labelled set, with the real model:
 * for 0, 20 and 50 tagged answers per code drawn from the train split (several draws), precision@1 and recall@3 of
 * themes and precision@1 of dilemmas on the held-out split, which nothing was tuned on; then the same figures by
 * 5-fold cross-validation inside the train split (what the weights were chosen on), labelled as such.
 *   args: number of draws (default 5)
 */
final class SuggestionBenchmark {

    private static final int[] PER_CODE = {0, 20, 50};

    private SuggestionBenchmark() {
    }

    public static void main(String[] args) {
        int draws = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        LabelledAnswers set = LabelledAnswers.load();
        List<Labelled> train = set.train();
        List<Labelled> heldOut = set.heldOut();
        long start = System.nanoTime();
        SentenceEncoder encoder = RealEncoder.get();
        Suggester suggester = new Suggester(encoder);
        Evaluation eval = new Evaluation(suggester, set.all());
        long withDilemma = heldOut.stream().filter(a -> a.dilemma().isPresent()).count();
        System.out.printf("Labelled answers: %d (%d train, %d held-out, %d of them with a dilemma); model %s; "
                        + "all read in %.1f s%n", set.all().size(), train.size(), heldOut.size(), withDilemma,
                encoder.name(), (System.nanoTime() - start) / 1e9);
        System.out.println("Tagged examples per code are drawn from the train split; figures are the mean (min) of "
                + draws + " draws (one with 0 examples: nothing to draw).");
        System.out.println();
        System.out.println("HELD-OUT split (never used to tune):");
        report(n -> eval.heldOut(train, heldOut, n, n == 0 ? 1 : draws, Weights.THEMES, Weights.DILEMMAS));
        System.out.println();
        System.out.println("TRAIN split, 5-fold cross-validation (what the descriptions and weights were tuned on):");
        report(n -> eval.crossValidate(train, n, n == 0 ? 1 : Math.min(draws, 3), Weights.THEMES,
                Weights.DILEMMAS));
        System.out.println();
        System.out.println("Dilemmas: recall@3 is always 1 with three codes, so only precision@1 (= recall@1) is "
                + "shown, over answers with a dilemma. 'found': an answer with a dilemma gets dilemma confidences "
                + "summing to 0.5 or more; 'false': one without does. Draws reach at most the train split's "
                + "40-44 answers per dilemma (32-36 inside a cross-validation fold).");
    }

    private interface Runs {
        List<Result> at(int perCode);
    }

    private static void report(Runs runs) {
        System.out.println("  examples/code | themes p@1     | themes r@3     | dilemmas p@1   | found | false"
                + " | top theme's confidence");
        for (int n : PER_CODE) {
            List<Result> r = runs.at(n);
            System.out.printf("  %13d | %s | %s | %s | %.2f  | %.2f  | %.2f%n", n, cell(r, Result::themeP1),
                    cell(r, Result::themeR3), cell(r, Result::dilemmaP1), mean(r, Result::found),
                    mean(r, Result::falseFound), mean(r, Result::topConfidence));
        }
    }

    private static String cell(List<Result> r, ToDoubleFunction<Result> f) {
        return String.format("%.3f (%.3f)", mean(r, f), r.stream().mapToDouble(f).min().orElse(Double.NaN));
    }

    private static double mean(List<Result> r, ToDoubleFunction<Result> f) {
        return r.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
