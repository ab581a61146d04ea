package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The labelled set (src/test/resources/suggestions/labelled-answers.tsv; how it was made: the README beside it). */
record LabelledAnswers(List<Labelled> all) {

    record Labelled(String id, boolean heldOut, List<Theme> themes, Optional<Dilemma> dilemma, String voice,
                    String text) {
    }

    static LabelledAnswers load() {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = LabelledAnswers.class.getResourceAsStream("/suggestions/labelled-answers.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                List<Theme> themes = new ArrayList<>();
                for (String t : f[2].split("\\|")) {
                    themes.add(Theme.valueOf(t));
                }
                out.add(new Labelled(f[0], f[1].equals("held-out"), themes,
                        f[3].isEmpty() ? Optional.empty() : Optional.of(Dilemma.valueOf(f[3])), f[4], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledAnswers(out);
    }

    List<Labelled> train() {
        return all.stream().filter(a -> !a.heldOut()).toList();
    }

    List<Labelled> heldOut() {
        return all.stream().filter(Labelled::heldOut).toList();
    }
}
