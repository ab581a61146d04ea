package org.carereview.consult.web.govuk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build copies GOV.UK Frontend's assets to classpath:public/assets (served at /assets/**):
 * everything the CSS and our scripts refer to must be there.
 */
class GovukAssetsTest {

    private static String read(String path) throws IOException {
        try (InputStream in = GovukAssetsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing from the classpath: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertPresent(String path) {
        assertNotNull(GovukAssetsTest.class.getClassLoader().getResource(path), "missing from the classpath: " + path);
    }

    @Test
    void everyUrlInTheStylesheetIsServedUnderAssets() throws IOException {
        String css = read("public/assets/govuk-frontend.min.css");
        Matcher url = Pattern.compile("url\\(([^)]+)\\)").matcher(css);
        int count = 0;
        while (url.find()) {
            String target = url.group(1).replace("\"", "").replace("'", "");
            if (target.startsWith("data:")) {
                continue;
            }
            assertTrue(target.startsWith("/assets/"), target);
            assertPresent("public" + target);
            count++;
        }
        assertTrue(count > 0, "expected font and image URLs in the stylesheet");
    }

    @Test
    void scriptsTheLayoutLoadsArePresent() throws IOException {
        assertPresent("public/assets/app/js-enabled.js");
        String init = read("public/assets/app/init.js");
        assertTrue(init.contains("from '../govuk-frontend.min.js'"));
        assertTrue(read("public/assets/govuk-frontend.min.js").contains("initAll"));
        assertPresent("public/assets/app/favicon.svg");
    }

    @Test
    void govukFrontendVersionIsTheOnePinned() throws IOException {
        assertTrue(read("public/assets/govuk-frontend.min.js").startsWith("const version=\"6.6.0\""));
    }
}
