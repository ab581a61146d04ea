package org.carereview.consult.web.govuk;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Puts HTML in a canonical form for comparison: one element per line with its attributes sorted (class
 * names sorted too, boolean attributes written as bare names), runs of whitespace collapsed and trimmed in
 * text, comments dropped; then the whole text as a reader would hear it, so a missing space (as in
 * "Edit<span> name</span>") still shows.
 */
final class GovukHtml {

    private GovukHtml() {
    }

    static String canonical(String html) {
        return canonical(html, body -> { });
    }

    /** As {@link #canonical(String)}, after {@code edit} changes the parsed HTML (used to drop parts we leave out on purpose). */
    static String canonical(String html, Consumer<Element> edit) {
        Element body = Jsoup.parseBodyFragment(html).body();
        edit.accept(body);
        StringBuilder out = new StringBuilder();
        for (Node node : body.childNodes()) {
            write(node, 0, out);
        }
        out.append("TEXT: ").append(body.text());
        return out.toString();
    }

    static Element parse(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    private static void write(Node node, int depth, StringBuilder out) {
        if (node instanceof TextNode text) {
            String value = text.getWholeText().replaceAll("\\s+", " ").trim();
            if (!value.isEmpty()) {
                out.append("  ".repeat(depth)).append('"').append(value).append("\"\n");
            }
        } else if (node instanceof Element element) {
            out.append("  ".repeat(depth)).append('<').append(element.tagName());
            List<Attribute> attributes = element.attributes().asList().stream()
                    .sorted(Comparator.comparing(Attribute::getKey))
                    .toList();
            for (Attribute attribute : attributes) {
                out.append(' ').append(attribute.getKey());
                String value = attribute.getValue();
                if ("class".equals(attribute.getKey())) {
                    value = Arrays.stream(value.trim().split("\\s+")).sorted().collect(Collectors.joining(" "));
                }
                if (!value.isEmpty() && !value.equals(attribute.getKey())) {
                    out.append("=\"").append(value.replaceAll("\\s+", " ").trim()).append('"');
                }
            }
            out.append(">\n");
            for (Node child : element.childNodes()) {
                write(child, depth + 1, out);
            }
        }
    }
}
