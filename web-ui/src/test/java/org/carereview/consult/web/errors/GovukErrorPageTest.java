package org.carereview.consult.web.errors;

import io.micronaut.context.MessageSource;
import org.carereview.consult.web.words.PublicWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error page's heading and message are bundle keys chosen by status, so both versions of the words have them. */
class GovukErrorPageTest {

    private final PublicWords words = new PublicWords();

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 405, 413, 415, 418, 422, 429, 500, 502, 503})
    void everyStatusHasAHeadingAndAMessageInTheBundle(int status) {
        GovukErrorPage.Wording wording = GovukErrorPage.wording(status, false, "30");
        for (String key : new String[] {wording.heading(), wording.message()}) {
            assertTrue(words.getMessage(key, MessageSource.MessageContext.of(Locale.ENGLISH)).isPresent(), status + ": " + key);
        }
    }

    @Test
    void aPageThatIsNotThereSaysSoInGovukWords() {
        GovukErrorPage.Wording wording = GovukErrorPage.wording(404, false, null);
        assertEquals("Page not found", english(wording.heading(), null));
    }

    @Test
    void aFormRefusedForItsOldTokenSaysToRefreshThePage() {
        GovukErrorPage.Wording wording = GovukErrorPage.wording(403, true, null);
        assertEquals("pages.error.expired.heading", wording.heading());
        assertTrue(english(wording.message(), null).contains("refresh the page"));
        assertEquals("pages.error.403.heading", GovukErrorPage.wording(403, false, null).heading());
    }

    @Test
    void tooManyRequestsSaysHowLongToWaitWhenItIsKnown() {
        GovukErrorPage.Wording wording = GovukErrorPage.wording(429, false, "42");
        assertEquals("Wait 42 seconds and try again. Nothing from this request was stored.",
                english(wording.message(), wording.arg()));
        assertEquals("pages.error.429.messageNoWait", GovukErrorPage.wording(429, false, null).message());
    }

    private String english(String key, Object arg) {
        Map<String, Object> args = arg == null ? Map.of() : Map.of("0", arg);
        return words.getMessage(key, MessageSource.MessageContext.of(Locale.ENGLISH, args)).orElseThrow();
    }
}
