package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks public pages in one version of the words and checks each page as it is met. In the standard and
 * child-friendly versions: axe, and the Flesch-Kincaid grade of its main text (at most {@value #STANDARD_GRADE}
 * and {@value #CHILD_GRADE}); {@link #finish()} then runs the Nu HTML Checker over every page met, and fails with
 * everything found. In the {@code keys} version (every bundle message shown as its key): that no word on the page
 * comes from anywhere but the bundles; its markup is the standard version's with other text, so axe and the
 * checker are not run again on it. A journey walked with this uses
 * selectors that do not depend on the words (ids, names, {@code data-testid}), so the same walk serves all three
 * versions. Grades are written to {@code target/readability.tsv} for the closing note.
 */
final class PublicPageCheck {

    static final double STANDARD_GRADE = 7;
    static final double CHILD_GRADE = 4;

    enum Version { STANDARD, CHILD, KEYS }

    private static final Pattern KEY = Pattern.compile("\u27e6[^\u27e7]*\u27e7");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Set<String> ALWAYS_ALLOWED = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "am", "pm");

    private final Version version;
    private final String journey;
    private final Set<String> allowed = new java.util.HashSet<>();
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int checked;

    /** Sets the version's cookie in the context, so every page of the walk comes in that version. */
    PublicPageCheck(BrowserContext context, String baseUrl, Version version, String journey) {
        this.version = version;
        this.journey = journey;
        context.addCookies(List.of(new Cookie("words", version.name().toLowerCase(Locale.ROOT)).setUrl(baseUrl)));
    }

    /**
     * Words the page may show that are not the service's: what the test typed, names of areas from the database,
     * references. Compared word by word, ignoring case.
     */
    PublicPageCheck allow(String... text) {
        for (String t : text) {
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                allowed.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return this;
    }

    /** Checks the page the browser is on now, named for the report (e.g. "advice: who, with errors"). */
    void check(Page page, String name) {
        String html = Browser.html(page);
        if (version != Version.KEYS) {
            pages.put(journey + " | " + name + " | " + version, html);
            try {
                Browser.assertAccessible(page);
            } catch (AssertionError e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        checked++;
        switch (version) {
            case STANDARD, CHILD -> {
                double grade = Readability.grade(html);
                double limit = version == Version.CHILD ? CHILD_GRADE : STANDARD_GRADE;
                report(name, grade);
                if (grade > limit) {
                    failures.add(String.format(Locale.ROOT, "%s: grade %.1f in the %s version, above %.0f. Sentences: %s",
                            name, grade, version.name().toLowerCase(Locale.ROOT), limit, Readability.sentences(html)));
                }
            }
            case KEYS -> {
                List<String> stray = strayWords(page);
                if (!stray.isEmpty()) {
                    failures.add(name + ": words not from the bundles: " + stray);
                }
            }
        }
    }

    /** Runs the Nu HTML Checker over every page checked, then fails with everything found on the way. */
    void finish() {
        if (!pages.isEmpty()) {
            failures.addAll(Vnu.problems(pages));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " problem(s) on the " + journey + " pages in the " + version + " version:\n - "
                    + String.join("\n - ", failures));
        }
        assertTrue(checked > 0, "the walk checked no page");
    }

    private List<String> strayWords(Page page) {
        String text = KEY.matcher(page.locator("body").innerText()).replaceAll(" ");
        List<String> stray = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (!allowed.contains(word) && !ALWAYS_ALLOWED.contains(word) && !word.matches("[a-z]*\\d.*")) {
                stray.add(m.group());
            }
        }
        return stray;
    }

    private void report(String name, double grade) {
        try {
            Path file = Path.of("target", "readability.tsv");
            Files.writeString(file, String.format(Locale.ROOT, "%s\t%s\t%s\t%.1f%n", journey, name,
                    version.name().toLowerCase(Locale.ROOT), grade), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
