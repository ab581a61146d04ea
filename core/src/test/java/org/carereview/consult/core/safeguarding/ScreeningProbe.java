package org.carereview.consult.core.safeguarding;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the shipped screening reads some texts ({@code bash bench/screening/probe.sh FILE}, one text a line): for
 * each, the learned check's highest probability over its pieces and the piece that gave it, whether that flags
 * at the service's threshold, and whether the phrases flag it. The classifier learns from the shipped examples
 * only, as a new database's does; a lead's own examples are not there.
 */
public final class ScreeningProbe {

    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, Integer> phrases = PhraseSeeder.parse(ShippedText.read("safeguarding/phrases.tsv", "Phrases"));
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        SentenceEncoder encoder = new MiniLmEncoder();
        Classifier classifier = Classifier.train(Training.vectors(LabelledText.shipped(),
                s -> encoder.encode(s)), Training.L2, Training.EPOCHS);
        double threshold = Double.parseDouble(LearnedConfiguration.DEFAULT_THRESHOLD);
        int flagged = 0;
        int read = 0;
        for (String text : texts) {
            if (text.isBlank()) {
                continue;
            }
            HighestPiece highest = HighestPiece.of(text, encoder, classifier);
            double best = highest.probability();
            String piece = highest.piece();
            boolean byPhrases = matcher.match(text, 10).flagged();
            boolean flags = byPhrases || best >= threshold;
            flagged += flags ? 1 : 0;
            read++;
            System.out.printf("%s %.3f%s  %s%n", flags ? "FLAG" : "    ", best, byPhrases ? " phrases" : "",
                    piece.equals(text) ? text : text + "\n                 (the piece: " + piece + ")");
        }
        System.out.printf("%d of %d flagged (threshold %.2f)%n", flagged, read, threshold);
    }
}
