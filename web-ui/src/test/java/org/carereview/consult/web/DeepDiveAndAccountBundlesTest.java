package org.carereview.consult.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The child-friendly words of the deep-dive and account pages only word what the standard words have: a key
 * misspelt in a child file would silently fall back to the standard words, and a placeholder left out would lose
 * the area's name, a reference or a number of seconds.
 */
class DeepDiveAndAccountBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @ParameterizedTest
    @ValueSource(strings = {"deepdives", "account", "errors-deepdives", "errors-account"})
    void everyChildFriendlyMessageWordsAStandardOneWithTheSamePlaceholders(String bundle) throws IOException {
        Properties standard = read("i18n/" + bundle + ".properties");
        Properties child = read("i18n/child/" + bundle + ".properties");
        List<String> problems = new ArrayList<>();
        for (String key : child.stringPropertyNames()) {
            String words = standard.getProperty(key);
            if (words == null) {
                problems.add(key + " has no standard words");
            } else if (!placeholders(words).equals(placeholders(child.getProperty(key)))) {
                problems.add(key + " has other placeholders than its standard words");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties read(String resource) throws IOException {
        try (InputStream in = DeepDiveAndAccountBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
