package org.carereview.consult.core.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists shipped in {@code redaction/}: first names, surnames, first names that are also ordinary words
 * or places ("will", "hope", "lincoln": a name only with a cue), and ordinary English words (never a name
 * unless a cue says so). One word a line, lower case; blank lines and lines from {@code #} are ignored.
 */
final class WordLists {

    static final Set<String> FIRST_NAMES = load("redaction/first-names.txt");
    static final Set<String> SURNAMES = load("redaction/surnames.txt");
    static final Set<String> WORD_NAMES = load("redaction/word-names.txt");
    static final Set<String> ORDINARY = load("redaction/ordinary-words.txt");

    private WordLists() {
    }

    static Set<String> load(String resource) {
        try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.replaceAll("#.*", "").strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
