package org.carereview.consult.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public templates hold no words of their own: every word a contributor reads comes from the bundles
 * ({@code i18n/}), so the child-friendly version and a translation need no template change. Text a template
 * shows only as a prototype (inside an element whose content Thymeleaf replaces) does not count; text shown as
 * it stands, a shown attribute (alt, title, aria-label, placeholder) or a sentence written as a literal in an
 * expression does. Walking every page in the {@code keys} version checks the same from the other side, for
 * words made in Java too.
 */
class PublicTemplatesHoldNoWordsTest {

    private static final Path VIEWS = Path.of("src", "main", "resources", "views");
    /** Staff-only templates; every other template is public. */
    private static final List<String> STAFF = List.of("staff/", "triage/", "safeguarding/", "messages/", "experts/admin/",
            "experts/window.html", "deepdives/area-form.html", "deepdives/area.html", "deepdives/areas.html",
            "deepdives/cards.html", "deepdives/comparison.html", "deepdives/dashboard.html", "deepdives/handout.html",
            "deepdives/import.html", "deepdives/parts.html", "deepdives/session-form.html");
    /** Attributes whose content Thymeleaf replaces, so the prototype text inside them is never shown. */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    private static final Set<String> SHOWN_ATTRIBUTES = Set.of("alt", "title", "aria-label", "placeholder");
    /** A sentence written in an expression: a capital letter then at least two more words, in single quotes. */
    private static final Pattern LITERAL_SENTENCE = Pattern.compile("'([A-Z][a-z]+(?: [a-zA-Z,]+){2,}[.?]?)'");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

    @Test
    void noPublicTemplateShowsAWordThatIsNotFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates = publicTemplates();
        assertTrue(templates.size() > 40, "found only " + templates.size() + " public templates under " + VIEWS);
        for (Path template : templates) {
            found.addAll(words(template));
        }
        assertEquals(List.of(), found, "words in public templates; move them to a bundle in i18n/ and use #{...}");
    }

    @Test
    void theScanFindsWordsWrittenInATemplate(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path template = dir.resolve("page.html");
        Files.writeString(template, """
                <main><h1 th:text="#{x.title}">Prototype only</h1><p>Written here</p>
                <img src="x.svg" alt="A picture"><a th:replace="~{govuk/back-link :: backLink(href='/', text='Go back to the start')}">Back</a>
                <!--/* a comment that says things */--></main>""");
        List<String> found = words(template);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains("Written here"), found.toString());
    }

    private static List<Path> publicTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> STAFF.stream().noneMatch(s -> VIEWS.relativize(p).toString().replace('\\', '/').startsWith(s)))
                    .sorted().toList();
        }
    }

    private static List<String> words(Path template) throws IOException {
        Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
        List<String> found = new ArrayList<>();
        String name = template.getFileName().toString();
        for (Element element : doc.getAllElements()) {
            element.attributes().forEach(a -> {
                if (a.getKey().startsWith("th:")) {
                    Matcher m = LITERAL_SENTENCE.matcher(a.getValue());
                    while (m.find()) {
                        found.add(name + ": " + a.getKey() + " literal '" + m.group(1) + "'");
                    }
                }
            });
            if (replaced(element)) {
                continue;
            }
            for (TextNode text : element.textNodes()) {
                if (LETTERS.matcher(text.text()).find() && !"script".equals(element.tagName()) && !"style".equals(element.tagName())) {
                    found.add(name + ": text \"" + text.text().strip() + "\"");
                }
            }
            for (String attribute : SHOWN_ATTRIBUTES) {
                if (element.hasAttr(attribute) && LETTERS.matcher(element.attr(attribute)).find()) {
                    found.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                }
            }
        }
        return found;
    }

    /** True when Thymeleaf replaces this element's content (or it sits inside such an element). */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }
}
