package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * Search snippets: {@code ts_headline} marks matches with two private-use characters (removed from the text
 * first, so a person cannot forge a mark), which are turned here into plain-text parts. {@code ts_headline}
 * drops whatever looks like an HTML tag, so {@code <} and {@code >} go in as two more private-use characters
 * and come back here: the snippet shows what the person typed.
 */
public final class Snippets {

    static final char START = '\uE000';
    static final char STOP = '\uE001';
    private static final char LESS = '\uE002';
    private static final char GREATER = '\uE003';
    /** ts_headline's options: a short passage or two around the matches. */
    static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";
    /** The snippet of {@code t.search_text} for the search bound at this point, as SQL. */
    static final String SQL = "ts_headline('english', translate(t.search_text, "
            + "'<>' || chr(57344) || chr(57345) || chr(57346) || chr(57347), chr(57346) || chr(57347)), "
            + Conditions.QUERY + ", ?)";

    /** A piece of a snippet; {@code match} when it is a word the search matched. */
    @Serdeable
    public record Part(String text, boolean match) {
    }

    private Snippets() {
    }

    @Nullable
    static List<Part> parse(@Nullable String marked) {
        if (marked == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean match = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                if (current.length() > 0) {
                    parts.add(new Part(current.toString(), match));
                    current.setLength(0);
                }
                match = c == START;
            } else {
                current.append(c == LESS ? '<' : c == GREATER ? '>' : c);
            }
        }
        if (current.length() > 0) {
            parts.add(new Part(current.toString(), match));
        }
        return parts;
    }
}
