package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.SentenceEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An answer read: the model's vector of the whole text (as stored, ADR 33), one per sentence, and its words. */
record Answer(float[] vector, List<String> sentences, List<float[]> sentenceVectors, Map<String, Integer> words) {

    static Answer read(String text, SentenceEncoder encoder) {
        List<String> sentences = Sentences.of(text);
        List<float[]> vectors = new ArrayList<>();
        if (sentences.size() > 1) {
            for (String s : sentences) {
                vectors.add(encoder.encode(s));
            }
        }
        float[] whole = encoder.encode(text.strip());
        if (sentences.size() <= 1) {
            vectors.add(whole);
        }
        return new Answer(whole, sentences, vectors, Words.of(text));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
