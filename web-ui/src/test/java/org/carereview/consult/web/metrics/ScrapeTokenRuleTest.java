package org.carereview.consult.web.metrics;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scrape token short enough to guess stops the node at start-up; no token is allowed, and lets no one in. */
class ScrapeTokenRuleTest {

    private static final Duration HALF_A_MINUTE = Duration.ofSeconds(30);

    @Test
    void aShortTokenIsRefusedAtStartUp() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new ScrapeTokenRule(new MetricsSettings("only-31-characters-long-xxxxxxx", HALF_A_MINUTE)));
        assertTrue(refused.getMessage().contains("openssl rand -hex 32"), refused.getMessage());
        assertFalse(refused.getMessage().contains("only-31"), "the message does not repeat the token");
    }

    @Test
    void noTokenOrALongOneStartsUp() {
        assertDoesNotThrow(() -> new ScrapeTokenRule(new MetricsSettings(null, HALF_A_MINUTE)));
        assertDoesNotThrow(() -> new ScrapeTokenRule(new MetricsSettings("  ", HALF_A_MINUTE)));
        assertDoesNotThrow(() -> new ScrapeTokenRule(new MetricsSettings("x".repeat(32), HALF_A_MINUTE)));
    }
}
