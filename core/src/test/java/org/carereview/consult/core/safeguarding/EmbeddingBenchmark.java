package org.carereview.consult.core.safeguarding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embedding throughput (bench/embeddings/run.sh): how many answers a second the answers' embedding worker can turn
 * into vectors on this machine, with the encoder the service uses (all-MiniLM-L6-v2 quantised, in process). The
 * answers are realistic: the held-out answers of the redaction and screening benches (details redacted as the
 * worker reads them), alone or run together into paragraphs of up to six, as long answers are written. In this
 * package to build the very encoder the service builds. No database: the worker's SQL is a few statements a batch.
 *   args: number of answers (default 1000), then the answer files
 */
final class EmbeddingBenchmark {

    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            lines.addAll(read(Path.of(args[i])));
        }
        Random random = new Random(16);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int parts = i % 3 == 0 ? 1 + random.nextInt(6) : 1;
            StringBuilder answer = new StringBuilder();
            for (int p = 0; p < parts; p++) {
                answer.append(p == 0 ? "" : " ").append(lines.get(random.nextInt(lines.size())));
            }
            answers.add(answer.toString());
        }
        double chars = answers.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("Answers: %d from %d lines, %.0f characters on average, longest %d%n", n, lines.size(),
                chars, answers.stream().mapToInt(String::length).max().orElse(0));

        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long load = System.nanoTime();
        SentenceEncoder encoder = new MiniLmEncoder();
        System.out.printf("Model %s loaded in %d ms%n", encoder.name(), (System.nanoTime() - load) / 1_000_000);
        for (int i = 0; i < 50; i++) {
            encoder.encode(answers.get(i % answers.size()));
        }
        System.gc();
        System.out.printf("Heap used by the loaded model: about %d MB (ONNX Runtime's own memory is outside the heap)%n",
                Math.max(0, (rt.totalMemory() - rt.freeMemory() - before) / (1024 * 1024)));

        long[] each = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            encoder.encode(answers.get(i));
            each[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(each);
        System.out.printf("One worker thread (as the service runs it): %.1f answers/second; per answer p50 %.1f ms, "
                + "p99 %.1f ms%n", n / seconds, each[n / 2] / 1e6, each[(int) (n * 0.99)] / 1e6);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String answer : answers) {
            done.add(pool.submit(() -> encoder.encode(answer)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("Two threads (two nodes' worth on one machine): %.1f answers/second%n", n / seconds);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                System.out.println("Process memory (heap, model and ONNX Runtime): " + line.replaceAll("\\s+", " "));
            }
        }
    }

    private static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
                continue;
            }
            String text = line.contains("\t") ? line.substring(line.lastIndexOf('\t') + 1) : line;
            out.add(text.replaceAll("\\[\\[([A-Z]+):[^]]*]]", "[$1]").replace("[NAME]", "[name]"));
        }
        return out;
    }
}
