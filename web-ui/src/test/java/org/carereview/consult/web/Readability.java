package org.carereview.consult.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a page's words are to read: the Flesch-Kincaid grade of the text of its {@code <main>}
 * (0.39 × words per sentence + 11.8 × syllables per word − 15.59). A heading, label, hint, list item or button
 * is a sentence of its own even without a full stop, as a reader meets it; what a person typed into a field is
 * not the page's words and is left out.
 */
final class Readability {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "label", "legend", "fieldset", "dt", "dd", "dl", "tr", "th", "td", "button", "summary",
            "details", "form", "section", "caption", "br", "option");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {
    }

    /** The sentences of the page's main text: one per block, split again at full stops. */
    static List<String> sentences(String html) {
        Element main = Jsoup.parse(html).selectFirst("main");
        if (main == null) {
            throw new IllegalArgumentException("the page has no <main>");
        }
        main.select("textarea, input, script, template, select option[value=''], .govuk-visually-hidden").remove();
        StringBuilder text = new StringBuilder();
        main.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && isBlock(e)) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && isBlock(e)) {
                    text.append('\n');
                }
            }
        });
        List<String> sentences = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            for (String sentence : SENTENCE_END.split(line)) {
                if (WORD.matcher(sentence).find()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    /** Blocks of text as a reader meets them: block elements, GOV.UK captions and buttons drawn as links. */
    private static boolean isBlock(Element e) {
        return BLOCKS.contains(e.tagName()) || e.className().contains("govuk-caption") || e.hasClass("govuk-button");
    }

    /** The Flesch-Kincaid grade of these sentences. */
    static double grade(List<String> sentences) {
        int words = 0;
        int syllables = 0;
        for (String sentence : sentences) {
            Matcher m = WORD.matcher(sentence);
            while (m.find()) {
                words++;
                syllables += syllables(m.group());
            }
        }
        if (words == 0) {
            return 0;
        }
        return 0.39 * words / sentences.size() + 11.8 * syllables / words - 15.59;
    }

    static double grade(String html) {
        return grade(sentences(html));
    }

    /** Syllables in an English word, by its groups of vowels (a silent final e, "-es" and "-ed" not counted). */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        Matcher m = VOWELS.matcher(w);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
