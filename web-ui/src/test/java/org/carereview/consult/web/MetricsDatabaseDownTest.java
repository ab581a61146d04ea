package org.carereview.consult.web;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the database unreachable, a scrape still answers: the counts read from the database say NaN (unknown, not
 * 0, which would read as "all clear"), and the JVM's and the pool's series are there for the platform team to see
 * why. When the database is back, so are the counts.
 */
@ExpectedNoise("the database is stopped")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsDatabaseDownTest implements TestPropertyProvider {

    static final String TOKEN = "metrics-database-down-token-0123456789abcdef";

    final TestDatabase.Coordinates database = TestDatabase.fresh();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.put("consult.metrics.token", TOKEN);
        // Each scrape comes after the counts' cache (30 s) has run out, so it reads the database, once: this test is
        // about what a read that fails looks like. (With no cache, every gauge would read, and wait for the pool.)
        properties.put(TestClock.PROPERTY, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return properties;
    }

    @Test
    void withTheDatabaseGoneTheScrapeAnswersAndItsCountsAreUnknown() throws Exception {
        assertTrue(scrape().contains("consult_outbox_backlog_messages 0"), "read while the database is up");

        String name = database.url().substring(database.url().lastIndexOf('/') + 1).split("\\?")[0];
        String postgres = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection server = DriverManager.getConnection(postgres, database.username(), database.password());
             Statement sql = server.createStatement()) {
            sql.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            try {
                String down = scrape();
                for (String gauge : new String[] {"consult_outbox_backlog_messages", "consult_outbox_failed_messages",
                    "consult_outbox_oldest_unsent_age_seconds", "consult_outbox_oldest_unsent_urgent_age_seconds",
                    "consult_quarantined_submissions",
                    "consult_safeguarding_awaiting_lead_submissions"}) {
                    assertTrue(down.contains("\n" + gauge + " NaN"), gauge + " is unknown");
                }
                assertTrue(down.contains("hikaricp_connections_pending{"), "the pool's series are still there");
                assertTrue(down.contains("jvm_memory_used_bytes{"), "and the JVM's");
            } finally {
                sql.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS true");
            }
        }
        boolean back = false;
        for (int tries = 0; tries < 10 && !back; tries++) {
            back = scrape().contains("\nconsult_outbox_backlog_messages 0");
        }
        assertTrue(back, "the counts are back once the database is");
    }

    private String scrape() {
        clock.advance(MetricsTest.PAST_THE_CACHE);
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN)
                .header("Accept", "text/plain"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        return response.body();
    }
}
