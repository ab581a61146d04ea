package org.carereview.consult.triage.similar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-labelled pairs of answers in {@code paraphrases/pairs.tsv} (see the README beside it). */
record ParaphrasePairs(List<Pair> all) {

    /** One pair: {@code label} is {@code same} (a paraphrase), {@code topic} (same subject, another point) or {@code other}. */
    record Pair(int id, boolean heldOut, String label, String a, String b) {
        boolean same() {
            return label.equals("same");
        }
    }

    static ParaphrasePairs load() {
        try (InputStream in = ParaphrasePairs.class.getResourceAsStream("/paraphrases/pairs.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Pair> pairs = new ArrayList<>();
            reader.readLine(); // the header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5 || !List.of("same", "topic", "other").contains(f[2])
                        || !List.of("train", "held-out").contains(f[1])) {
                    throw new IllegalStateException("bad line: " + line);
                }
                pairs.add(new Pair(Integer.parseInt(f[0]), f[1].equals("held-out"), f[2], f[3], f[4]));
            }
            return new ParaphrasePairs(List.copyOf(pairs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Pair> train() {
        return all.stream().filter(p -> !p.heldOut()).toList();
    }

    List<Pair> heldOut() {
        return all.stream().filter(Pair::heldOut).toList();
    }
}
