package org.carereview.consult.core.safeguarding;

import org.carereview.consult.core.redaction.Redactor;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The text checks every submission's request runs ({@code bash bench/text-checks/run.sh}): the lead's phrases and
 * the redaction, each over 400 answers of about 500 characters made from the training examples, after 15 seconds of
 * warm-up, as CPU time per answer on one thread. No database, no model.
 */
public final class TextChecksBenchmark {

    private static final long WARM_UP_NS = 15_000_000_000L;
    private static final int ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        List<String> examples = LabelledText.resource("safeguarding/examples.tsv").stream().map(LabelledText::text)
                .toList();
        List<String> answers = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            StringBuilder answer = new StringBuilder();
            while (answer.length() < 500) {
                answer.append(examples.get(random.nextInt(examples.size()))).append(' ');
            }
            answers.add(answer.toString());
        }
        Map<String, Integer> phrases;
        ClassLoader loader = TextChecksBenchmark.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("safeguarding/phrases.tsv")) {
            phrases = PhraseSeeder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        Redactor redactor = new Redactor();
        System.out.printf("%d answers, %.0f characters on average; %d phrases%n", answers.size(),
                answers.stream().mapToInt(String::length).average().orElse(0), phrases.size());
        measure("phrase screening", answers, a -> matcher.match(a, 10).score());
        measure("redaction", answers, a -> redactor.redact(a).found().size());
    }

    private static void measure(String name, List<String> answers, ToIntFunction<String> check) {
        long sink = 0;
        long end = System.nanoTime() + WARM_UP_NS;
        while (System.nanoTime() < end) {
            for (String answer : answers) {
                sink += check.applyAsInt(answer);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (String answer : answers) {
                sink += check.applyAsInt(answer);
            }
        }
        double micros = (threads.getCurrentThreadCpuTime() - before) / 1000.0 / (ROUNDS * answers.size());
        System.out.printf("%-17s %.1f µs of CPU per answer [%d]%n", name + ":", micros, sink % 2);
    }
}
