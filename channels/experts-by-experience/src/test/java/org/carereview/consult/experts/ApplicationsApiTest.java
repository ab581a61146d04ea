package org.carereview.consult.experts;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static org.carereview.consult.experts.ApplicationsTestSupport.ROUTE;
import static org.carereview.consult.experts.ApplicationsTestSupport.submit;
import static org.carereview.consult.experts.ApplicationsTestSupport.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST and GET /api/v1/experts-by-experience/applications: the window, the rules, the receipt, who may read. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationsApiTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationWindow window;

    @Inject
    AccountService accounts;

    @Inject
    FieldCipher cipher;

    @Inject
    org.carereview.consult.core.redaction.Redactions redactions;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void openTheWindow() {
        ApplicationsTestSupport.openWindow(window);
    }

    @Test
    void aValidApplicationIsStoredWithAnEbeReferenceAndAReceiptIsQueued() {
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(
                HttpRequest.POST(ROUTE, validBody("Jordan@Example.org")), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> receipt = response.body();
        String reference = (String) receipt.get("reference");
        assertTrue(reference.matches("EBE-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertEquals("SUBMITTED", receipt.get("outcome"));
        String id = (String) receipt.get("id");

        assertEquals(List.of("EBE_APPLICATION|NEW"), TestSql.column(dataSource,
                "SELECT kind || '|' || status FROM submission WHERE id = ?::uuid", id));
        assertEquals(List.of("SUBMITTED|{IN_CARE,CARE_LEAVER}|AGE_18_25|NORTH_WEST|jordan@example.org|t"),
                TestSql.column(dataSource, "SELECT concat_ws('|', outcome, experiences::text, age_band, region, email, "
                        + "consent_data_use) FROM ebe_application WHERE submission_id = ?::uuid", id));
        String dateOfBirth = TestSql.column(dataSource,
                "SELECT date_of_birth FROM ebe_application WHERE submission_id = ?::uuid", id).get(0);
        assertTrue(dateOfBirth.startsWith("v1:test2026:"), "the date of birth is sealed");
        assertEquals("2007-05-14", cipher.open(dateOfBirth, SealedColumn.DATE_OF_BIRTH.purpose()));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission s JOIN account a ON a.id = s.owner_id "
                + "WHERE s.id = ?::uuid AND a.email = 'jordan@example.org'", id), "the applicant's address owns it");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND search_vector @@ plainto_tsquery('english', 'foster schools')", id), "story and motivation are searchable");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid", id),
                "no equality answers, no equality row");

        assertEquals(List.of(reference + "|5pm on Friday 5 February 2027|http://localhost:8080/sign-in"),
                TestSql.column(dataSource, "SELECT concat_ws('|', fields->>'reference', fields->>'closingDate', "
                        + "fields->>'signInLink') FROM outbox_message WHERE template = 'ebe-receipt' AND recipient = ?",
                        "jordan@example.org"));

        String written = TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id).get(0);
        redactions.redact(UUID.fromString(id));
        assertEquals(List.of(written), TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id),
                "the redaction written at submission is what redacting the stored answers again gives");
    }

    @Test
    void anApplicationWithAMobileNumberOnlyHasNoOwnerAndGetsItsReceiptByTextInsteadOfEmail() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'ebe-receipt'");
        Map<String, Object> sent = submit(http, validBody(null));
        String id = (String) sent.get("id");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid AND owner_id IS NOT NULL", id));
        assertEquals(List.of("07700 900 982"), TestSql.column(dataSource,
                "SELECT phone FROM ebe_application WHERE submission_id = ?::uuid", id));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'ebe-receipt'"));

        assertEquals(List.of("SMS|+447700900982|5pm on Friday 5 February 2027"), TestSql.column(dataSource,
                "SELECT concat_ws('|', channel, recipient, fields->>'closingDate') FROM outbox_message "
                        + "WHERE template = 'ebe-receipt-sms' AND fields->>'reference' = ?", sent.get("reference")));
    }

    @Test
    void anApplicationWithALandlineOnlyQueuesNoMessage() {
        Map<String, Object> body = validBody(null);
        body.put("phone", "0161 496 0999");
        long before = TestSql.count(dataSource, "SELECT count(*) FROM outbox_message");

        assertEquals("SUBMITTED", submit(http, body).get("outcome"));

        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message"));
    }

    @Test
    void oneMillisecondBeforeTheCloseIsInTimeAndOneMillisecondAfterIsClosedWhateverTheBody() {
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT.minusMillis(1));
        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST(ROUTE,
                validBody("last.minute@example.org"))).getStatus());

        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT);
        assertProblem(HttpStatus.CONFLICT, "window-closed", post(validBody("on.the.dot@example.org")));
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT.plusMillis(1));
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        assertProblem(HttpStatus.CONFLICT, "window-closed", post(validBody("too.late@example.org")));
        assertProblem(HttpStatus.CONFLICT, "window-closed", post(Map.of("experiences", List.of("ALIEN"))));
        assertProblem(HttpStatus.CONFLICT, "window-closed", post(Map.of()));
        assertProblem(HttpStatus.CONFLICT, "window-closed", postRaw("{\"experiences\": ["));
        assertProblem(HttpStatus.CONFLICT, "window-closed", postRaw("{\"consents\": \"yes\"}"));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }

    @Test
    void beforeTheWindowOpensApplicationsAreNotOpenYet() {
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.OPENS_AT.minusMillis(1));
        assertProblem(HttpStatus.CONFLICT, "window-not-open", post(validBody("early.bird@example.org")));
        assertProblem(HttpStatus.CONFLICT, "window-not-open", post(Map.of("name", "")));
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.OPENS_AT);
        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST(ROUTE,
                validBody("just.open@example.org"))).getStatus());
    }

    @Test
    void anUnreadableBodyInsideTheWindowIs400() {
        assertProblem(HttpStatus.BAD_REQUEST, "unreadable-request", postRaw("{\"experiences\": ["));
        assertProblem(HttpStatus.BAD_REQUEST, "unreadable-request", postRaw("{\"consents\": \"yes\"}"));
    }

    @Test
    void anApplicantWhoseSixteenthBirthdayIsTodayInTheUkNeedsNoTrustedAdult() {
        // 11:30pm on 9 July in UTC is already 10 July in the UK (British Summer Time).
        window.set("2027-06-01T09:00", "2027-08-01T17:00", null);
        ExpertsTestClock.CLOCK.set(Instant.parse("2027-07-09T23:30:00Z"));

        Map<String, Object> sixteenToday = validBody("sixteen.today@example.org");
        sixteenToday.put("dateOfBirth", "2011-07-10");
        String id = (String) submit(http, sixteenToday).get("id");
        assertEquals(List.of("AGE_16_17"), TestSql.column(dataSource,
                "SELECT age_band FROM ebe_application WHERE submission_id = ?::uuid", id));

        Map<String, Object> sixteenTomorrow = validBody("sixteen.tomorrow@example.org");
        sixteenTomorrow.put("dateOfBirth", "2011-07-11");
        HttpClientResponseException e = post(sixteenTomorrow);
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", e);
        assertEquals(List.of("trustedAdult.name", "trustedAdult.relationship", "trustedAdult.email"), fields(e));

        sixteenTomorrow.put("trustedAdult", Map.of("name", "Pat Carer", "relationship", "Foster carer",
                "phone", "0161 496 0000"));
        sixteenTomorrow.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        String young = (String) submit(http, sixteenTomorrow).get("id");
        assertEquals(List.of("UNDER_16|Pat Carer|Foster carer|0161 496 0000|t"), TestSql.column(dataSource,
                "SELECT concat_ws('|', age_band, trusted_adult_name, trusted_adult_relationship, trusted_adult_phone, "
                        + "consent_contact_trusted_adult) FROM ebe_application WHERE submission_id = ?::uuid", young));
    }

    @Test
    void theAgeBandIsDerivedFromTheDateOfBirthOnTheDayOfSubmission() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        Map<String, String> expected = Map.of(
                today.minusYears(16).toString(), "AGE_16_17",
                today.minusYears(18).plusDays(1).toString(), "AGE_16_17",
                today.minusYears(18).toString(), "AGE_18_25",
                today.minusYears(26).plusDays(1).toString(), "AGE_18_25",
                today.minusYears(26).toString(), "AGE_26_PLUS",
                "1950-01-01", "AGE_26_PLUS");
        expected.forEach((dateOfBirth, band) -> {
            Map<String, Object> body = validBody(null);
            body.put("dateOfBirth", dateOfBirth);
            String id = (String) submit(http, body).get("id");
            assertEquals(List.of(band), TestSql.column(dataSource,
                    "SELECT age_band FROM ebe_application WHERE submission_id = ?::uuid", id), dateOfBirth);
        });
    }

    @Test
    void equalityAnswersAreStoredApartAndNeverReturned() {
        Map<String, Object> body = validBody("equal.answers@example.org");
        body.put("equality", Map.of("ethnicity", "Mixed or multiple ethnic groups: White and Black Caribbean",
                "disability", "Prefer not to say", "gender", List.of("Non-binary")));
        String id = (String) submit(http, body).get("id");
        String answers = cipher.open(TestSql.column(dataSource,
                "SELECT answers FROM ebe_equality WHERE submission_id = ?::uuid", id).get(0),
                SealedColumn.EQUALITY_ANSWERS.purpose());
        assertTrue(answers.contains("\"ethnicity\":\"Mixed or multiple ethnic groups: White and Black Caribbean\"")
                && answers.contains("\"gender\":[\"Non-binary\"]"), "the answers are kept, sealed");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application a WHERE submission_id = ?::uuid "
                + "AND a::text ILIKE '%Caribbean%'", id), "nothing of it in the application row");

        String admin = ApplicationsTestSupport.adminToken(http);
        String shown = http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(admin), String.class);
        assertTrue(shown.contains("Jordan Example"), shown);
        assertFalse(shown.contains("equality"), shown);
        assertFalse(shown.contains("Caribbean"), shown);
        assertFalse(shown.contains("Non-binary"), shown);
        String owner = ApplicationsTestSupport.signIn(http, dataSource, "equal.answers@example.org");
        String ownView = http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(owner), String.class);
        assertFalse(ownView.contains("Caribbean"), ownView);
        String list = http.toBlocking().retrieve(HttpRequest.GET(ROUTE).bearerAuth(admin), String.class);
        assertFalse(list.contains("Caribbean"), list);

        Map<String, Object> blank = validBody(null);
        blank.put("equality", Map.of("ethnicity", "  ", "gender", List.of()));
        String noAnswers = (String) submit(http, blank).get("id");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid",
                noAnswers), "blank answers are no answers");
    }

    @Test
    void invalidInputAnswers422WithDottedFieldNamesAndStoresNothing() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of());
        body.put("dateOfBirth", "2015-02-30");
        body.put("region", "SCOTLAND");
        body.put("email", "not-an-email");
        body.put("trustedAdult", Map.of("email", "also not an email"));
        body.put("motivation", "bell\u0007");
        body.put("equality", Map.of("religion", "nul\u0000"));
        body.put("consents", Map.of("dataUse", false));
        HttpClientResponseException e = post(body);
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", e);
        assertEquals(List.of("experiences", "name", "dateOfBirth", "region", "email", "trustedAdult.email",
                "experienceStory", "motivation", "equality", "consents.dataUse"), fields(e));
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("You must agree to us using your information to consider your application"), problem);
        assertTrue(problem.contains("Select at least one kind of experience"), problem);
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerEvenAfterTheCloseAndADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validBody("replay@example.org");
        Map<?, ?> first = http.toBlocking().retrieve(HttpRequest.POST(ROUTE, body).header("Idempotency-Key", key), Map.class);
        Map<?, ?> again = http.toBlocking().retrieve(HttpRequest.POST(ROUTE, body).header("Idempotency-Key", key), Map.class);
        assertEquals(first, again);
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT.plusSeconds(60));
        HttpResponse<Map<String, Object>> late = http.toBlocking().exchange(HttpRequest.POST(ROUTE, body)
                .header("Idempotency-Key", key), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, late.getStatus(), "it was received in time");
        assertEquals(first.get("reference"), late.body().get("reference"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE email = 'replay@example.org'"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'replay@example.org'"));

        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.NOW);
        Map<String, Object> other = validBody("replay@example.org");
        other.put("motivation", "Something else entirely");
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST(ROUTE, other)
                        .header("Idempotency-Key", key))));
    }

    @Test
    void twentyParallelPostsWithOneIdempotencyKeyStoreOneApplication() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validBody("parallel@example.org");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> http.toBlocking().retrieve(HttpRequest.POST(ROUTE, body).header("Idempotency-Key", key),
                        Argument.mapOf(String.class, Object.class)));
            }
            Set<Object> references = new HashSet<>();
            for (Future<Map<String, Object>> f : pool.invokeAll(calls)) {
                references.add(f.get().get("reference"));
            }
            assertEquals(1, references.size(), "every answer carries the same reference");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE email = 'parallel@example.org'"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'parallel@example.org'"));
    }

    @Test
    void theOwnerAndAdministratorsReadAnApplicationAndAReviewerOrAStrangerGets404() {
        Map<String, Object> receipt = submit(http, validBody("reader@example.org"));
        String id = (String) receipt.get("id");

        String owner = ApplicationsTestSupport.signIn(http, dataSource, "reader@example.org");
        Map<?, ?> own = http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(owner), Map.class);
        assertEquals(receipt.get("reference"), own.get("reference"));
        assertEquals("SUBMITTED", own.get("outcome"));
        assertEquals("2007-05-14", own.get("dateOfBirth"));
        assertEquals("AGE_18_25", own.get("ageBand"));
        assertEquals(List.of("IN_CARE", "CARE_LEAVER"), own.get("experiences"));
        assertEquals(Map.of("dataUse", true, "contactTrustedAdult", false), own.get("consents"));

        String admin = ApplicationsTestSupport.adminToken(http);
        assertEquals("Jordan Example", http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(admin),
                Map.class).get("name"));

        String reviewer = ApplicationsTestSupport.staffToken(http, accounts, "ebe.reviewer@example.org", Role.REVIEWER);
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(id, reviewer));
        String stranger = ApplicationsTestSupport.signIn(http, dataSource, "stranger@example.org");
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(id, stranger));
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(UUID.randomUUID().toString(), admin));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(ROUTE + "/" + id))).getStatus());
    }

    @Test
    void anApplicationIsReadWholeOnlyByItsOwnerTheLeadAndAdministratorsAndWhenFlaggedNotByItsOwner() {
        String id = (String) submit(http, validBody("flagged.applicant@example.org")).get("id");
        ApplicationsTestSupport.execute(dataSource, "UPDATE submission SET safeguarding = true WHERE id = ?::uuid", id);

        String lead = ApplicationsTestSupport.staffToken(http, accounts, "ebe.lead@example.org", Role.SAFEGUARDING_LEAD);
        assertEquals(id, http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(lead), Map.class).get("id"));
        String admin = ApplicationsTestSupport.adminToken(http);
        assertEquals(id, http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(admin), Map.class).get("id"));
        String owner = ApplicationsTestSupport.signIn(http, dataSource, "flagged.applicant@example.org");
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(id, owner));

        // One rule (ADR 0021): the lead, like an administrator, may read any application whole; a reviewer none.
        String unflagged = (String) submit(http, validBody("plain.applicant@example.org")).get("id");
        assertEquals(unflagged, http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + unflagged).bearerAuth(lead),
                Map.class).get("id"));
        String reviewer = ApplicationsTestSupport.staffToken(http, accounts, "ebe.flag.reviewer@example.org", Role.REVIEWER);
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(unflagged, reviewer));
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(id, reviewer));
    }

    @Test
    void aDisclosureInTheSupportNeedsIsScreenedLikeTheStory() {
        Map<String, Object> body = validBody("support.needs@example.org");
        body.put("supportNeeds", "Someone to sit with me. My foster carer hits me if I am late home.");

        String id = (String) submit(http, body).get("id");

        assertEquals(List.of("true"), org.carereview.consult.db.TestSql.column(dataSource,
                "SELECT safeguarding::text FROM submission WHERE id = ?::uuid", id));
    }

    @Test
    void anApplicationIsNotReadableThroughAnotherKindsId() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String advice = TestSql.column(dataSource, "INSERT INTO submission (kind, reference, submitted_at, created_at, "
                + "updated_at) VALUES ('CALL_FOR_ADVICE', 'CFA-TEST-0001', now(), now(), now()) RETURNING id").get(0);
        assertProblem(HttpStatus.NOT_FOUND, "not-found", get(advice, admin));
    }

    private HttpClientResponseException get(String id, String bearer) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(bearer)));
    }

    private HttpClientResponseException post(Map<String, ?> body) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(ROUTE, body)));
    }

    private HttpClientResponseException postRaw(String body) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(ROUTE, body).contentType(MediaType.APPLICATION_JSON)));
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(m -> (String) m.get("field")).toList();
    }

    static void assertProblem(HttpStatus status, String type, HttpClientResponseException e) {
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("/" + type + "\""), body);
    }
}
