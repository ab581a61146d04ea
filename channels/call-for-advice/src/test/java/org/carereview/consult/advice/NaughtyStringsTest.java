package org.carereview.consult.advice;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every string of {@code naughty-strings.txt} through every free-text field of the call-for-advice API:
 * never a server error; a string with a control character (other than newline, carriage return and tab)
 * or over the field's length is refused with 422 naming the field; anything else is stored exactly as
 * sent, byte for byte (no trimming, no Unicode normalisation), except that a blank answer is no answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaughtyStringsTest implements FreshDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(NaughtyStringsTest.class);
    private static final String CORPUS = "/naughty-strings.txt";
    private static final String ROUTE = "/api/v1/call-for-advice/submissions";
    /** The documented limits: answers up to 10,000 characters, organisation names up to 200 (code points). */
    private static final int MAX_ANSWER = 10_000;
    private static final int MAX_ORGANISATION = 200;
    private static final Map<String, String> COLUMNS = Map.of(
            "keyQuestions", "key_questions",
            "engagementAdvice", "engagement_advice",
            "resources", "resources",
            "groupsToSpeakTo", "groups_to_speak_to",
            "organisation", "organisation");

    /** One corpus string and the line it came from (for messages that do not print invisible text). */
    record Entry(int line, String text) {
    }

    enum Outcome { STORED_EXACTLY, BLANK_STORED_AS_NO_ANSWER, REFUSED_CONTROL_CHARACTER, REFUSED_TOO_LONG }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DataSource dataSource;

    private final List<Entry> corpus = load();
    private final Map<Outcome, Integer> tally = new HashMap<>();
    private int requests;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void theCorpusIsAFewHundredDistinctWellFormedStrings() {
        assertTrue(corpus.size() >= 300, "corpus size " + corpus.size());
        Set<String> distinct = new HashSet<>();
        for (Entry e : corpus) {
            assertTrue(distinct.add(e.text()), "line " + e.line() + " repeats an earlier entry");
            assertTrue(wellFormed(e.text()), "line " + e.line() + " has a lone surrogate");
        }
        assertTrue(corpus.stream().anyMatch(e -> e.text().isEmpty()), "the empty string is in");
        assertTrue(corpus.stream().anyMatch(e -> hasControlCharacter(e.text())), "control characters are in");
        assertTrue(corpus.stream().anyMatch(e -> e.text().codePointCount(0, e.text().length()) == MAX_ANSWER),
                "a string of exactly the longest answer is in");
        assertTrue(corpus.stream().anyMatch(e -> e.text().contains("e\u0301")) && corpus.stream()
                .anyMatch(e -> e.text().contains("\u00e9")), "both normalisation forms of é are in");
    }

    @Test
    void keyQuestionsStoresEveryStringExactlyOrRefusesItWith422AndNeverFails() {
        everyStringIsStoredExactlyOrRefusedWith422NamingTheField("keyQuestions");
    }

    @Test
    void engagementAdviceStoresEveryStringExactlyOrRefusesItWith422AndNeverFails() {
        everyStringIsStoredExactlyOrRefusedWith422NamingTheField("engagementAdvice");
    }

    @Test
    void resourcesStoresEveryStringExactlyOrRefusesItWith422AndNeverFails() {
        everyStringIsStoredExactlyOrRefusedWith422NamingTheField("resources");
    }

    @Test
    void groupsToSpeakToStoresEveryStringExactlyOrRefusesItWith422AndNeverFails() {
        everyStringIsStoredExactlyOrRefusedWith422NamingTheField("groupsToSpeakTo");
    }

    @Test
    void organisationStoresEveryStringExactlyOrRefusesItWith422AndNeverFails() {
        everyStringIsStoredExactlyOrRefusedWith422NamingTheField("organisation");
    }

    private void everyStringIsStoredExactlyOrRefusedWith422NamingTheField(String field) {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM advice_submission");
        int max = field.equals("organisation") ? MAX_ORGANISATION : MAX_ANSWER;
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (Entry entry : corpus) {
            Outcome expected = expectedOutcome(entry.text(), max);
            String problem = send(field, entry.text(), expected);
            if (problem != null) {
                failures.add("line " + entry.line() + " (" + preview(entry.text()) + "): " + problem);
            } else {
                tally.merge(expected, 1, Integer::sum);
            }
            if (expected == Outcome.STORED_EXACTLY || expected == Outcome.BLANK_STORED_AS_NO_ANSWER) {
                accepted++;
            }
            requests++;
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " strings in " + field
                + " went wrong:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(before + accepted, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission"),
                "a refused post stores nothing");
    }

    @AfterAll
    void reportTheFigures() {
        int refused = tally.getOrDefault(Outcome.REFUSED_CONTROL_CHARACTER, 0) + tally.getOrDefault(Outcome.REFUSED_TOO_LONG, 0);
        int accepted = tally.getOrDefault(Outcome.STORED_EXACTLY, 0) + tally.getOrDefault(Outcome.BLANK_STORED_AS_NO_ANSWER, 0);
        LOG.info("Naughty strings: {} in the corpus, {} requests over 5 fields, {} accepted ({} stored exactly, {} blank "
                        + "so stored as no answer), {} refused with 422 ({} control character, {} too long)",
                corpus.size(), requests, accepted, tally.getOrDefault(Outcome.STORED_EXACTLY, 0),
                tally.getOrDefault(Outcome.BLANK_STORED_AS_NO_ANSWER, 0), refused,
                tally.getOrDefault(Outcome.REFUSED_CONTROL_CHARACTER, 0), tally.getOrDefault(Outcome.REFUSED_TOO_LONG, 0));
    }

    /** Answers null when the API did what was expected, otherwise what went wrong. */
    private String send(String field, String text, Outcome expected) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", field.equals("organisation") ? "ORGANISATION" : "OTHER");
        // A plain answer beside the one under test, so that a blank string is not refused as "no answers at all".
        body.put(field.equals("keyQuestions") ? "engagementAdvice" : "keyQuestions", "A plain answer beside it.");
        body.put(field, text);
        body.put("themes", List.of());
        body.put("consentToContact", false);
        body.put("consentToPublish", false);
        Argument<Map<String, Object>> json = Argument.mapOf(String.class, Object.class);
        HttpResponse<Map<String, Object>> response;
        try {
            response = http.toBlocking().exchange(HttpRequest.POST(ROUTE, body), json, json);
        } catch (HttpClientResponseException e) {
            return refusal(field, expected, e, json);
        }
        if (response.getStatus() != HttpStatus.CREATED) {
            return "expected " + expected + ", answered " + response.getStatus().getCode();
        }
        if (expected == Outcome.REFUSED_CONTROL_CHARACTER || expected == Outcome.REFUSED_TOO_LONG) {
            return "expected " + expected + ", but it was accepted";
        }
        Object id = Objects.requireNonNull(response.body()).get("id");
        List<String> stored = TestSql.column(dataSource,
                "SELECT " + COLUMNS.get(field) + " FROM advice_submission WHERE submission_id = ?::uuid", id);
        String want = expected == Outcome.BLANK_STORED_AS_NO_ANSWER ? null : text;
        if (stored.size() != 1 || !Objects.equals(want, stored.get(0))) {
            return "stored " + (stored.isEmpty() ? "nothing" : stored.get(0) == null ? "NULL"
                    : "a different string (" + preview(stored.get(0)) + ")") + ", expected " + expected;
        }
        return null;
    }

    private static String refusal(String field, Outcome expected, HttpClientResponseException e,
                                  Argument<Map<String, Object>> json) {
        int status = e.getStatus().getCode();
        if (status >= 500) {
            return "server error " + status;
        }
        if (expected != Outcome.REFUSED_CONTROL_CHARACTER && expected != Outcome.REFUSED_TOO_LONG) {
            return "expected " + expected + ", refused with " + status + " " + e.getResponse().getBody(String.class).orElse("");
        }
        if (status != 422) {
            return "expected 422, answered " + status;
        }
        Map<String, Object> problem = e.getResponse().getBody(json).orElse(Map.of());
        boolean namesField = problem.get("errors") instanceof List<?> errors && errors.stream()
                .anyMatch(err -> err instanceof Map<?, ?> m && field.equals(m.get("field")));
        return namesField ? null : "422 without a field error for " + field + ": " + problem;
    }

    static Outcome expectedOutcome(String text, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            return Outcome.REFUSED_TOO_LONG;
        }
        if (hasControlCharacter(text)) {
            return Outcome.REFUSED_CONTROL_CHARACTER;
        }
        return AdviceValidator.isBlank(text) ? Outcome.BLANK_STORED_AS_NO_ANSWER : Outcome.STORED_EXACTLY;
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static List<Entry> load() {
        InputStream in = NaughtyStringsTest.class.getResourceAsStream(CORPUS);
        if (in == null) {
            throw new IllegalStateException(CORPUS + " is missing from the test classpath");
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isEmpty() && !line.startsWith("#")) {
                    entries.add(new Entry(number, decode(line, number)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The file's escapes: \n \r \t \\ \\uXXXX, and \e for nothing (see the file's header). */
    static String decode(String line, int number) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= line.length()) {
                throw new IllegalArgumentException("line " + number + " ends in a lone backslash (write \\\\)");
            }
            char escape = line.charAt(++i);
            switch (escape) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'e' -> {
                    // nothing: marks the empty string, or keeps edge spaces visible
                }
                case 'u' -> {
                    if (i + 4 >= line.length()) {
                        throw new IllegalArgumentException("line " + number + " has a short \\u escape");
                    }
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("line " + number + " has an unknown escape \\" + escape);
            }
        }
        return out.toString();
    }

    /** At most 40 code points, with anything invisible shown as U+XXXX, so messages and reports stay readable. */
    static String preview(String text) {
        StringBuilder b = new StringBuilder();
        int[] points = text.codePoints().toArray();
        for (int cp : Arrays.copyOf(points, Math.min(40, points.length))) {
            int type = Character.getType(cp);
            boolean visible = cp == ' ' || !(Character.isISOControl(cp) || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp) || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.NON_SPACING_MARK);
            b.append(visible ? Character.toString(cp) : String.format("U+%04X", cp));
        }
        if (points.length > 40) {
            b.append("… (").append(points.length).append(" code points)");
        }
        return b.toString();
    }
}
