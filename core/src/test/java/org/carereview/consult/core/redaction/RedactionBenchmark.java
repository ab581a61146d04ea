package org.carereview.consult.core.redaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The redaction benchmark ({@code bash bench/redaction/run.sh}): span-level precision, recall and text leaked
 * per kind on the held-out answers, every miss and every wrong redaction, and redactions per second on one
 * thread. The held-out file is only read to be scored; the rules were written on the tuning split.
 */
public final class RedactionBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "bench/redaction/held-out.txt");
        List<LabelledAnswer> answers = LabelledAnswer.parseAll(Files.readString(file));
        Redactor redactor = new Redactor();
        long withDetails = answers.stream().filter(a -> !a.details().isEmpty()).count();
        System.out.printf("%s: %d answers, %d with personal details, %d without%n%n", file, answers.size(),
                withDetails, answers.size() - withDetails);
        Scores scores = Scores.of(answers, redactor);
        System.out.print(scores.table());
        System.out.println();
        System.out.println("Missed (" + scores.missed.size() + "):");
        scores.missed.forEach(m -> System.out.println("  " + m));
        System.out.println("Redacted but not a labelled detail of that kind (" + scores.wrong.size() + "):");
        scores.wrong.forEach(w -> System.out.println("  " + w));

        int sink = 0;
        for (int round = 0; round < 20; round++) {
            for (LabelledAnswer a : answers) {
                sink += redactor.redact(a.text()).found().size();
            }
        }
        int rounds = 100;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (LabelledAnswer a : answers) {
                sink += redactor.redact(a.text()).found().size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double chars = answers.stream().mapToInt(a -> a.text().length()).average().orElse(0);
        System.out.printf("%nThroughput, one thread after warm-up: %.0f answers a second (%.0f characters on "
                + "average; %.3f ms an answer) [%d]%n", rounds * answers.size() / seconds, chars,
                seconds * 1000 / (rounds * answers.size()), sink % 2);

        List<String> texts = answers.stream().map(LabelledAnswer::text).toList();
        System.out.printf("Each rule, microseconds an answer (best of 5 rounds of 100): contacts %.1f, dates of birth "
                + "%.1f, places %.1f, names %.1f; all with overlaps settled %.1f%n",
                best(texts, t -> Contacts.find(t, Redactor.digits(t)).size()),
                best(texts, t -> BirthDates.find(t, t.toLowerCase(Locale.ROOT), Redactor.digits(t)).size()),
                best(texts, t -> Places.find(t, t.toLowerCase(Locale.ROOT), Redactor.digits(t)).size()),
                best(texts, t -> Names.find(t).size()), best(texts, t -> Redactor.find(t).size()));
    }

    /** The fastest of five rounds, each of 100 passes over the texts after 100 not timed, per text. */
    private static double best(List<String> texts, ToIntFunction<String> rule) {
        long sink = 0;
        for (int pass = 0; pass < 100; pass++) {
            for (String t : texts) {
                sink += rule.applyAsInt(t);
            }
        }
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int pass = 0; pass < 100; pass++) {
                for (String t : texts) {
                    sink += rule.applyAsInt(t);
                }
            }
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        return sink < 0 ? -1 : fastest / 1e3 / (100.0 * texts.size());
    }
}
