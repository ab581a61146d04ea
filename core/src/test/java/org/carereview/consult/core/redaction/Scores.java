package org.carereview.consult.core.redaction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Span-level precision and recall per kind on labelled answers. A span found counts as right when it overlaps a
 * labelled span of the same kind; a labelled span counts as caught when a found span of the same kind overlaps it.
 * "Leaked" is the share of labelled characters of a kind that no redaction of any kind covers.
 */
final class Scores {

    record Tally(int labelled, int caught, int found, int right, int chars, int leakedChars) {
        double precision() {
            return found == 0 ? 1.0 : (double) right / found;
        }

        double recall() {
            return labelled == 0 ? 1.0 : (double) caught / labelled;
        }

        double leaked() {
            return chars == 0 ? 0.0 : (double) leakedChars / chars;
        }
    }

    final Map<Kind, Tally> byKind = new EnumMap<>(Kind.class);
    final List<String> missed = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();

    static Scores of(List<LabelledAnswer> answers, Redactor redactor) {
        Scores scores = new Scores();
        for (Kind kind : Kind.values()) {
            scores.byKind.put(kind, new Tally(0, 0, 0, 0, 0, 0));
        }
        for (LabelledAnswer answer : answers) {
            List<Found> found = redactor.redact(answer.text()).found();
            for (Found label : answer.details()) {
                boolean caught = found.stream().anyMatch(f -> f.kind() == label.kind()
                        && f.overlaps(label.start(), label.end()));
                int leaked = 0;
                for (int c = label.start(); c < label.end(); c++) {
                    int at = c;
                    leaked += found.stream().anyMatch(f -> f.start() <= at && at < f.end()) ? 0 : 1;
                }
                scores.add(label.kind(), 1, caught ? 1 : 0, 0, 0, label.length(), leaked);
                if (!caught) {
                    scores.missed.add(describe(answer, label));
                }
            }
            for (Found f : found) {
                boolean right = answer.details().stream().anyMatch(l -> l.kind() == f.kind()
                        && l.overlaps(f.start(), f.end()));
                scores.add(f.kind(), 0, 0, 1, right ? 1 : 0, 0, 0);
                if (!right) {
                    scores.wrong.add(describe(answer, f));
                }
            }
        }
        return scores;
    }

    private void add(Kind kind, int labelled, int caught, int found, int right, int chars, int leaked) {
        Tally t = byKind.get(kind);
        byKind.put(kind, new Tally(t.labelled + labelled, t.caught + caught, t.found + found, t.right + right,
                t.chars + chars, t.leakedChars + leaked));
    }

    private static String describe(LabelledAnswer answer, Found span) {
        return String.format("line %d, %s \"%s\" in: %s", answer.line(), span.kind(),
                answer.text().substring(span.start(), span.end()), answer.text());
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format("%-14s %8s %8s %9s %7s %7s%n", "kind", "labelled",
                "found", "precision", "recall", "leaked"));
        byKind.forEach((kind, t) -> out.append(String.format("%-14s %8d %8d %9.3f %7.3f %7.3f%n", kind,
                t.labelled, t.found, t.precision(), t.recall(), t.leaked())));
        return out.toString();
    }
}
