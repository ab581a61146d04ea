package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests themes and dilemmas for an answer (its redacted text): every code ranked with a confidence, the sentence
 * that matched and up to 3 similar tagged answers. Encodes the descriptions once; safe for several threads.
 */
public final class Suggester {

    private final SentenceEncoder encoder;
    private final Scorer<Theme> themes;
    private final Scorer<Dilemma> dilemmas;
    private final Weights themeWeights;
    private final Weights dilemmaWeights;

    public Suggester(SentenceEncoder encoder) {
        this(encoder, Weights.THEMES, Weights.DILEMMAS);
    }

    Suggester(SentenceEncoder encoder, Weights themeWeights, Weights dilemmaWeights) {
        this.encoder = encoder;
        this.themes = new Scorer<>(List.of(Theme.values()), encode(Descriptions.THEMES, Theme.class),
                TaggedSet::themes, false);
        this.dilemmas = new Scorer<>(List.of(Dilemma.values()), encode(Descriptions.DILEMMAS, Dilemma.class),
                TaggedSet::dilemmas, true);
        this.themeWeights = themeWeights;
        this.dilemmaWeights = dilemmaWeights;
    }

    /** Suggestions for the text; none for a blank one. */
    public Suggestions suggest(String text, TaggedSet tagged) {
        if (text == null || text.isBlank()) {
            return Suggestions.NONE;
        }
        return suggest(Answer.read(text, encoder), tagged, themeWeights, dilemmaWeights);
    }

    /** The vector of a text as {@link TaggedExample} wants it (the stored one is used in production). */
    public float[] vectorOf(String text) {
        return encoder.encode(text.strip());
    }

    Answer read(String text) {
        return Answer.read(text, encoder);
    }

    Suggestions suggest(Answer answer, TaggedSet tagged, Weights forThemes, Weights forDilemmas) {
        return new Suggestions(themes.rank(answer, tagged, forThemes), dilemmas.rank(answer, tagged, forDilemmas));
    }

    private <C extends Enum<C>> Map<C, List<float[]>> encode(Map<C, List<String>> texts, Class<C> type) {
        Map<C, List<float[]>> out = new EnumMap<>(type);
        texts.forEach((code, sentences) -> {
            List<float[]> vectors = new ArrayList<>();
            for (String s : sentences) {
                vectors.add(encoder.encode(s));
            }
            out.put(code, vectors);
        });
        return out;
    }
}
