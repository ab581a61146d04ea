package org.carereview.consult.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer cut into sentences for the sentence model: split after . ! ? ; and at line breaks; a piece of fewer than
 * {@code shortest} words ("pls help.") joins the next, and one of more than {@code longest} words (an answer written
 * without full stops) is cut, so that one piece never stands for a whole paragraph. The learned safeguarding check
 * reads an answer this way, and a theme suggestion shows the piece that matched.
 */
public final class Sentences {

    private Sentences() {
    }

    public static List<String> split(String text, int longest, int shortest) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<String> words = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?;])\\s+|\\R+")) {
            for (String word : sentence.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (words.size() == longest) {
                    out.add(String.join(" ", words));
                    words.clear();
                }
                words.add(word);
            }
            if (words.size() >= shortest) {
                out.add(String.join(" ", words));
                words.clear();
            }
        }
        if (!words.isEmpty()) {
            if (out.isEmpty()) {
                out.add(String.join(" ", words));
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + String.join(" ", words));
            }
        }
        return out;
    }
}
