package org.carereview.consult.triage.suggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Ranks the codes of one frame (themes or dilemmas) for an answer; see {@link Weights} for the score. */
final class Scorer<C extends Enum<C>> {

    static final int SIMILAR = 3;

    private final List<C> codes;
    private final Map<C, List<float[]>> descriptions;
    private final Function<TaggedExample, Set<C>> codesOf;
    private final boolean withNone;

    Scorer(List<C> codes, Map<C, List<float[]>> descriptions, Function<TaggedExample, Set<C>> codesOf,
           boolean withNone) {
        this.codes = List.copyOf(codes);
        this.descriptions = Map.copyOf(descriptions);
        this.codesOf = codesOf;
        this.withNone = withNone;
    }

    List<Suggestion<C>> rank(Answer answer, TaggedSet tagged, Weights w) {
        List<TaggedExample> examples = tagged.examples();
        double[] sims = new double[examples.size()];
        for (int j = 0; j < sims.length; j++) {
            sims[j] = Answer.dot(answer.vector(), examples.get(j).vectorShared());
        }
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < sims.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -sims[j]));
        List<Integer> nearest = order.subList(0, Math.min(w.k(), order.size()));
        double total = 0;
        for (int j : nearest) {
            total += Math.exp((sims[j] - 1) / w.sharpness());
        }

        double[] score = new double[codes.size()];
        double noneShare = 0;
        for (int j : nearest) {
            if (codesOf.apply(examples.get(j)).isEmpty()) {
                noneShare += Math.exp((sims[j] - 1) / w.sharpness()) / total;
            }
        }
        for (int c = 0; c < codes.size(); c++) {
            C code = codes.get(c);
            double whole = 0;
            double sentence = 0;
            for (float[] d : descriptions.get(code)) {
                whole = Math.max(whole, Answer.dot(answer.vector(), d));
                for (float[] s : answer.sentenceVectors()) {
                    sentence = Math.max(sentence, Answer.dot(s, d));
                }
            }
            double description = (1 - w.sentenceShare()) * whole + w.sentenceShare() * sentence;
            float[] centroid = tagged.centroid(code);
            double share = 0;
            for (int j : nearest) {
                if (codesOf.apply(examples.get(j)).contains(code)) {
                    share += Math.exp((sims[j] - 1) / w.sharpness()) / total;
                }
            }
            score[c] = w.description() * description
                    + w.centroid() * (centroid == null ? description : Answer.dot(answer.vector(), centroid))
                    + w.neighbours() * share
                    + w.words() * tagged.words().score(answer.words(), code);
        }
        double none = withNone ? w.noDilemma() + w.neighbours() * noneShare : Double.NaN;
        double[] confidence = softmax(score, none, w.temperature());

        List<Suggestion<C>> out = new ArrayList<>();
        for (int c = 0; c < codes.size(); c++) {
            C code = codes.get(c);
            out.add(new Suggestion<>(code, confidence[c], sentence(answer, code, tagged), similar(order, sims, examples, code)));
        }
        out.sort(Comparator.comparingDouble((Suggestion<C> s) -> -s.confidence()));
        return out;
    }

    /** The answer's sentence closest to the code: to its nearest description sentence plus its tagged answers' mean. */
    private String sentence(Answer answer, C code, TaggedSet tagged) {
        float[] centroid = tagged.centroid(code);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < answer.sentenceVectors().size(); i++) {
            float[] s = answer.sentenceVectors().get(i);
            double d = Double.NEGATIVE_INFINITY;
            for (float[] description : descriptions.get(code)) {
                d = Math.max(d, Answer.dot(s, description));
            }
            double score = d + (centroid == null ? 0 : Answer.dot(s, centroid));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return answer.sentences().get(best);
    }

    private List<String> similar(List<Integer> order, double[] sims, List<TaggedExample> examples, C code) {
        List<String> ids = new ArrayList<>();
        for (int j : order) {
            if (ids.size() == SIMILAR) {
                break;
            }
            if (codesOf.apply(examples.get(j)).contains(code)) {
                ids.add(examples.get(j).id());
            }
        }
        return ids;
    }

    /** Each code's share of exp(score / temperature), with "none" (NaN: not in this frame) taking its part. */
    static double[] softmax(double[] score, double none, double temperature) {
        double max = Double.isNaN(none) ? Double.NEGATIVE_INFINITY : none;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = Double.isNaN(none) ? 0 : Math.exp((none - max) / temperature);
        double[] out = new double[score.length];
        for (int c = 0; c < score.length; c++) {
            out[c] = Math.exp((score[c] - max) / temperature);
            sum += out[c];
        }
        for (int c = 0; c < score.length; c++) {
            out[c] /= sum;
        }
        return out;
    }
}
