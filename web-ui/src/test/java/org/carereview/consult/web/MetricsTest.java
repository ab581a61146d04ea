package org.carereview.consult.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform team's Prometheus scrapes /metrics with the scrape token (ADR 0032): every named series is there,
 * routes are named by their templates (never an address as sent), no one else gets in, and the outbox backlog
 * rises when a receipt is queued and falls once the dispatcher has handed it to a real SMTP server.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements FreshDatabase {

    static final String TOKEN = "metrics-test-token-0123456789abcdef0123456789abcdef";
    static final String ADMIN = "metrics.admin@example.org";
    static final String PASSWORD = "a metrics test password";
    /** What Prometheus sends. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /** Longer than consult.metrics.cache-for (30 s), so the next scrape reads the database again. */
    static final Duration PAST_THE_CACHE = Duration.ofSeconds(31);

    @RegisterExtension
    static final TestMail mail = new TestMail();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MutableClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    JobRuns jobRuns;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
        properties.put(TestClock.PROPERTY, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        properties.put("consult.metrics.token", TOKEN);
        properties.putAll(mail.properties());
        properties.put("consult.notifications.scheduler.enabled", "false");
        return properties;
    }

    @Test
    void theScrapeHasEveryNamedSeries() {
        http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class);
        String scrape = scrape();
        for (String series : List.of(
                "http_server_requests_seconds_count{", "http_server_requests_seconds_sum{",
                "http_server_requests_seconds_bucket{", "jvm_memory_used_bytes{", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds",
                "hikaricp_connections_active{", "hikaricp_connections_pending{", "hikaricp_connections_max{",
                "consult_outbox_backlog_messages ", "consult_outbox_oldest_unsent_age_seconds ",
                "consult_outbox_oldest_unsent_urgent_age_seconds ",
                "consult_outbox_failed_messages ", "consult_quarantined_submissions ",
                "consult_safeguarding_awaiting_lead_submissions ", "consult_embeddings_waiting_answers ",
                "consult_safeguarding_learned_waiting_submissions ",
                "consult_safeguarding_learned_oldest_waiting_age_seconds ",
                "consult_safeguarding_learned_readings_total{when=\"ahead\"}",
                "consult_safeguarding_learned_readings_total{when=\"in_transaction\"}",
                "consult_safeguarding_learned_readings_total{when=\"queued\"}",
                "consult_job_runs_total{job=\"retention-purge\",outcome=\"success\"}",
                "consult_job_runs_total{job=\"draft-purge\",outcome=\"failure\"}",
                "consult_job_runs_total{job=\"deadline-reminders\",outcome=\"success\"}",
                "consult_job_runs_total{job=\"safeguarding-queue\",outcome=\"success\"}",
                "consult_job_last_success_timestamp_seconds{job=\"redaction-sweep\"}",
                "consult_job_last_success_timestamp_seconds{job=\"rate-limit-purge\"}",
                "consult_connections_opened_total ", "consult_connections_closed_total{reason=\"no_request\"}",
                "consult_connections_closed_total{reason=\"stalled_body\"}",
                "consult_connections_closed_total{reason=\"keep_alive\"}")) {
            assertTrue(scrape.contains(series), "the scrape has " + series);
        }
        assertTrue(scrape.contains("outcome=\"SUCCESS\",status=\"200\",uri=\"/\"}"),
                "the home page's requests, by its route: "
                + scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList());
    }

    @Test
    void routesAreCountedByTheirTemplatesNeverByTheAddressSent() {
        String id = UUID.randomUUID().toString();
        assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/triage/submissions/" + id)));
        assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/no-such-page/jo.bloggs@example.org")));
        http.toBlocking().exchange(HttpRequest.GET("/assets/api-docs.js"), String.class);
        String scrape = scrape();
        List<String> counts = scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
        assertTrue(scrape.contains("status=\"401\",uri=\"/api/v1/triage/submissions/{id}\"}"),
                "the route's template, and the security filter's refusal counted: " + counts);
        assertTrue(scrape.contains("status=\"404\",uri=\"NOT_FOUND\"}"), "an address no route matched: " + counts);
        assertTrue(scrape.contains("status=\"200\",uri=\"STATIC\"}"), "the assets, all under one label: " + counts);
        assertFalse(scrape.contains(id), "no id from an address");
        assertFalse(scrape.contains("bloggs"), "nothing from an address no route matched");
    }

    @Test
    void everyAnswerOfARouteIsCountedUnderItsOneSeries() {
        String series = "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"STATIC\"}";
        http.toBlocking().exchange(HttpRequest.GET("/assets/api-docs.js"), String.class);
        double before = count(scrape(), series);
        for (int i = 0; i < 3; i++) {
            http.toBlocking().exchange(HttpRequest.GET("/assets/api-docs.js"), String.class);
        }
        assertEquals(before + 3, count(scrape(), series), 0.0, "three more answers, three more in the count");
    }

    private static double count(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElseThrow();
    }

    @Test
    void withoutTheScrapeTokenNoOneGetsIn() {
        assertEquals(HttpStatus.UNAUTHORIZED, refused(HttpRequest.GET("/metrics")));
        assertEquals(HttpStatus.UNAUTHORIZED, refused(HttpRequest.GET("/metrics").bearerAuth(TOKEN + "x")));
        assertEquals(HttpStatus.UNAUTHORIZED, refused(HttpRequest.GET("/metrics").basicAuth("prometheus", TOKEN)));
        String administrator = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", PASSWORD)), Argument.mapOf(String.class, Object.class))
                .get("accessToken");
        assertEquals(HttpStatus.FORBIDDEN, refused(HttpRequest.GET("/metrics").bearerAuth(administrator)),
                "not even an administrator's session");
    }

    @Test
    void theOutboxBacklogRisesWithAQueuedReceiptAndFallsWhenItIsSent() throws Exception {
        clock.advance(PAST_THE_CACHE);
        double before = gauge(scrape(), "consult_outbox_backlog_messages");

        AdviceApi.send(http, "Listen to us before you decide.", List.of("CARE"), "metrics.adviser@example.org");
        clock.advance(PAST_THE_CACHE);
        String queued = scrape();
        assertEquals(before + 1, gauge(queued, "consult_outbox_backlog_messages"), "the receipt waits");
        assertTrue(gauge(queued, "consult_outbox_oldest_unsent_age_seconds") >= PAST_THE_CACHE.toSeconds(),
                "queued at least 31 seconds ago");
        assertEquals(0, gauge(queued, "consult_outbox_oldest_unsent_urgent_age_seconds"), "a receipt is not urgent");

        dispatcher.dispatchDue();
        assertTrue(mail.waitForIncomingEmail(5000, 1), "the SMTP server received the receipt");
        clock.advance(PAST_THE_CACHE);
        String sent = scrape();
        assertEquals(0, gauge(sent, "consult_outbox_backlog_messages"), "nothing waits");
        assertEquals(0, gauge(sent, "consult_outbox_oldest_unsent_age_seconds"));
        assertEquals(0, gauge(sent, "consult_outbox_failed_messages"));
        assertTrue(Arrays.stream(mail.getReceivedMessages())
                .anyMatch(m -> recipientIs(m, "metrics.adviser@example.org")), "the receipt went to the adviser");
    }

    @Test
    void heldBackAndFlaggedSubmissionsAreCountedAtMostOncePerCachePeriod() {
        clock.advance(PAST_THE_CACHE);
        String before = scrape();
        double quarantined = gauge(before, "consult_quarantined_submissions");
        double awaitingLead = gauge(before, "consult_safeguarding_awaiting_lead_submissions");

        String heldBack = (String) AdviceApi.send(http, "Ask us what we think.", List.of("CARE"), null).get("id");
        // As the spam defences do when a page journey trips the honeypot (the API has no such check).
        assertEquals(List.of(heldBack), TestSql.column(dataSource, "UPDATE submission SET status = 'QUARANTINED', "
                + "quarantine_reason = 'HONEYPOT' WHERE id = ?::uuid RETURNING id", heldBack));
        AdviceApi.send(http, "My stepdad hits me and I am scared to go home.", List.of("SAFETY"), null);

        String cached = scrape();
        assertEquals(quarantined, gauge(cached, "consult_quarantined_submissions"), "not read again within 30 s");
        clock.advance(PAST_THE_CACHE);
        String after = scrape();
        assertEquals(quarantined + 1, gauge(after, "consult_quarantined_submissions"));
        assertEquals(awaitingLead + 1, gauge(after, "consult_safeguarding_awaiting_lead_submissions"),
                "flagged, and the lead has recorded no action yet");
    }

    @Test
    void howLongTheFirstSubmissionLeftToTheLearnedCheckHasWaitedIsInTheScrape() {
        String id = (String) AdviceApi.send(http, "Ask us what we think.", List.of("CARE"), null).get("id");
        // As when a peak leaves it to the learned check's queue (the learned check is off in this test's node).
        TestSql.execute(dataSource, "INSERT INTO safeguarding_check_queue (submission_id, queued_at) "
                + "VALUES (?::uuid, ?)", id, Timestamp.from(clock.instant().minusSeconds(90)));
        clock.advance(PAST_THE_CACHE);
        assertEquals(90 + PAST_THE_CACHE.toSeconds(),
                gauge(scrape(), "consult_safeguarding_learned_oldest_waiting_age_seconds"), 0.001);

        TestSql.execute(dataSource, "DELETE FROM safeguarding_check_queue WHERE submission_id = ?::uuid", id);
        clock.advance(PAST_THE_CACHE);
        assertEquals(0, gauge(scrape(), "consult_safeguarding_learned_oldest_waiting_age_seconds"), "none waits");
    }

    @Test
    void theOldestUrgentMessageWaitingIsTimedApartFromTheRest() {
        String id = UUID.randomUUID().toString();
        Timestamp queued = Timestamp.from(clock.instant().minusSeconds(45));
        TestSql.execute(dataSource, "INSERT INTO outbox_message (id, template, recipient, next_attempt_at, created_at,"
                + " urgent) VALUES (?::uuid, 'sign-in-link', 'metrics.link@example.org', ?, ?, true)",
                id, queued, queued);
        clock.advance(PAST_THE_CACHE);
        assertEquals(45 + PAST_THE_CACHE.toSeconds(),
                gauge(scrape(), "consult_outbox_oldest_unsent_urgent_age_seconds"), 0.001);

        TestSql.execute(dataSource, "DELETE FROM outbox_message WHERE id = ?::uuid", id);
        clock.advance(PAST_THE_CACHE);
        assertEquals(0, gauge(scrape(), "consult_outbox_oldest_unsent_urgent_age_seconds"), "none waits");
    }

    @Test
    void aJobsRunsAndItsLastSuccessAreInTheScrape() {
        jobRuns.succeeded(ScheduledJob.RETENTION_PURGE);
        jobRuns.failed(ScheduledJob.RETENTION_PURGE);
        jobRuns.succeeded(ScheduledJob.RETENTION_PURGE);
        String scrape = scrape();
        assertEquals(2, gauge(scrape, "consult_job_runs_total{job=\"retention-purge\",outcome=\"success\"}"));
        assertEquals(1, gauge(scrape, "consult_job_runs_total{job=\"retention-purge\",outcome=\"failure\"}"));
        assertEquals(clock.instant().getEpochSecond(),
                gauge(scrape, "consult_job_last_success_timestamp_seconds{job=\"retention-purge\"}"), 0.001);
        assertTrue(Double.isNaN(gauge(scrape, "consult_job_last_success_timestamp_seconds{job=\"draft-purge\"}")),
                "no run yet on this node");
    }

    private static boolean recipientIs(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String scrape() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN)
                .header("Accept", PROMETHEUS_ACCEPT), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(response.getContentType().map(t -> t.getName().equals("text/plain")).orElse(false),
                "Prometheus's text format: " + response.getContentType());
        return response.body();
    }

    private HttpStatus refused(MutableHttpRequest<?> request) {
        request.header("Accept", PROMETHEUS_ACCEPT);
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class)).getStatus();
    }

    private static double gauge(String scrape, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertTrue(m.find(), name + " in the scrape");
        return Double.parseDouble(m.group(1));
    }
}
