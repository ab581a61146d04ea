package org.carereview.consult.triage.suggestions;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a text as a bag for word-overlap scoring: folded to lower case without accents, short and common
 * words dropped, a plural or -ing/-ed ending cut ("placements", "placed" and "placing" count as one word).
 */
final class Words {

    private static final Set<String> COMMON = Set.of("the", "and", "for", "are", "but", "not", "you", "all", "any",
            "can", "had", "her", "was", "one", "our", "out", "has", "his", "how", "its", "who", "did", "get", "got",
            "him", "she", "they", "them", "their", "there", "then", "than", "that", "this", "these", "those", "with",
            "what", "when", "where", "which", "while", "would", "could", "should", "will", "just", "like", "from",
            "have", "been", "were", "into", "about", "more", "most", "some", "such", "only", "also", "very", "much",
            "even", "every", "other", "over", "because", "being", "does", "doing", "done", "each", "here", "make",
            "made", "need", "needs", "want", "wants", "thing", "things", "think", "know", "your", "yours", "mine",
            "dont", "didnt", "isnt", "cant", "wont", "im", "ive", "theyre", "thats", "it's", "don't", "i'm", "after",
            "before", "again", "still", "never", "always", "often", "many", "same", "own", "too", "why", "way");

    private Words() {
    }

    static Map<String, Integer> of(String text) {
        Map<String, Integer> bag = new HashMap<>();
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("'", "");
        for (String word : folded.split("[^a-z]+")) {
            if (word.length() < 3 || COMMON.contains(word)) {
                continue;
            }
            bag.merge(stem(word), 1, Integer::sum);
        }
        return bag;
    }

    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
