package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.suggestions.LabelledAnswers.Labelled;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Quality of the suggestions on labelled answers, given a set of tagged examples drawn from other answers. */
final class Evaluation {

    static final int FOLDS = 5;

    /**
     * Themes: precision@1 (the top theme is one of the answer's), recall@3 (share of its themes in the top 3), both
     * averaged over answers. Dilemmas, over answers with one: precision@1 among the three. Over all answers:
     * found (an answer with a dilemma gets dilemma confidence summing to 0.5 or more), false (one without does), and
     * the mean negative log-likelihood of the gold codes (what the temperatures are fitted on), and the mean confidence
     * of the top theme (beside precision@1, it shows whether confidences are calibrated).
     */
    record Result(double themeP1, double themeR3, double dilemmaP1, double found, double falseFound,
                  double themeLoss, double dilemmaLoss, double topConfidence) {
    }

    private final Suggester suggester;
    private final Map<String, Answer> read;

    Evaluation(Suggester suggester, List<Labelled> answers) {
        this.suggester = suggester;
        this.read = new HashMap<>();
        for (Labelled a : answers) {
            read.put(a.id(), suggester.read(a.text()));
        }
    }

    /** Shuffled, then each answer kept while one of its codes has fewer than {@code perCode} examples. */
    TaggedSet draw(List<Labelled> pool, int perCode, long seed) {
        List<Labelled> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(seed));
        Map<Enum<?>, Integer> counts = new HashMap<>();
        List<TaggedExample> out = new ArrayList<>();
        for (Labelled a : shuffled) {
            List<Enum<?>> codes = new ArrayList<>(a.themes());
            a.dilemma().ifPresent(codes::add);
            if (codes.stream().anyMatch(c -> counts.getOrDefault(c, 0) < perCode)) {
                codes.forEach(c -> counts.merge(c, 1, Integer::sum));
                out.add(new TaggedExample(a.id(), a.text(), read.get(a.id()).vector(), Set.copyOf(a.themes()), a.dilemma()));
            }
        }
        return TaggedSet.of(out);
    }

    Result score(List<Labelled> test, TaggedSet tagged, Weights themes, Weights dilemmas) {
        double p1 = 0, r3 = 0, dp1 = 0, found = 0, falseFound = 0, tLoss = 0, dLoss = 0, top1 = 0;
        int withDilemma = 0;
        for (Labelled a : test) {
            Suggestions s = suggester.suggest(read.get(a.id()), tagged, themes, dilemmas);
            List<Theme> top = s.themes().stream().map(Suggestion::code).toList();
            p1 += a.themes().contains(top.get(0)) ? 1 : 0;
            top1 += s.themes().get(0).confidence();
            r3 += a.themes().stream().filter(t -> top.subList(0, 3).contains(t)).count() / (double) a.themes().size();
            tLoss -= Math.log(s.themes().stream().filter(x -> a.themes().contains(x.code()))
                    .mapToDouble(Suggestion::confidence).sum());
            double anyDilemma = s.dilemmas().stream().mapToDouble(Suggestion::confidence).sum();
            if (a.dilemma().isPresent()) {
                withDilemma++;
                Dilemma gold = a.dilemma().get();
                dp1 += s.dilemmas().get(0).code() == gold ? 1 : 0;
                found += anyDilemma >= 0.5 ? 1 : 0;
                dLoss -= Math.log(s.dilemmas().stream().filter(x -> x.code() == gold).findFirst().orElseThrow()
                        .confidence());
            } else {
                falseFound += anyDilemma >= 0.5 ? 1 : 0;
                dLoss -= Math.log(Math.max(1e-9, 1 - anyDilemma));
            }
        }
        int n = test.size();
        int none = n - withDilemma;
        return new Result(p1 / n, r3 / n, withDilemma == 0 ? Double.NaN : dp1 / withDilemma,
                withDilemma == 0 ? Double.NaN : found / withDilemma, none == 0 ? Double.NaN : falseFound / none,
                tLoss / n, dLoss / n, top1 / n);
    }

    /** One draw per seed of {@code perCode} examples from the pool, each scored on the test answers. */
    List<Result> heldOut(List<Labelled> pool, List<Labelled> test, int perCode, int seeds, Weights t, Weights d) {
        List<Result> out = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            out.add(score(test, draw(pool, perCode, seed), t, d));
        }
        return out;
    }

    /** {@value #FOLDS}-fold cross-validation inside the train split: one result per seed, the folds pooled. */
    List<Result> crossValidate(List<Labelled> train, int perCode, int seeds, Weights t, Weights d) {
        List<Result> out = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            List<Labelled> shuffled = new ArrayList<>(train);
            Collections.shuffle(shuffled, new Random(1000L + seed));
            List<Result> folds = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int f = 0; f < FOLDS; f++) {
                List<Labelled> test = new ArrayList<>();
                List<Labelled> pool = new ArrayList<>();
                for (int i = 0; i < shuffled.size(); i++) {
                    (i % FOLDS == f ? test : pool).add(shuffled.get(i));
                }
                folds.add(score(test, draw(pool, perCode, seed * 31L + f), t, d));
                sizes.add(test.size());
            }
            out.add(pooled(folds, sizes));
        }
        return out;
    }

    private static Result pooled(List<Result> folds, List<Integer> sizes) {
        double[] sum = new double[8];
        double total = sizes.stream().mapToInt(Integer::intValue).sum();
        for (int f = 0; f < folds.size(); f++) {
            Result r = folds.get(f);
            double w = sizes.get(f) / total;
            double[] v = {r.themeP1(), r.themeR3(), r.dilemmaP1(), r.found(), r.falseFound(), r.themeLoss(),
                    r.dilemmaLoss(), r.topConfidence()};
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w * v[i];
            }
        }
        return new Result(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]);
    }
}
