package org.carereview.consult.triage;

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
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/triage/submissions/{id}/not-a-disclosure: the lead removes a flag that was a mistake; the flag is
 * cleared as the plain clear does and, in the same transaction, the submission's text becomes an ordinary example
 * the learned check learns from (erased with the submission if it is withdrawn). The learned check itself stays
 * off here: this is the lead's workflow, not the model.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotADisclosureTest implements FreshDatabase {

    static final String TALK = "Children in care should be asked if anyone hits me or them, and if they are scared to go "
            + "home after contact.";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Inject
    OwnSubmissions ownSubmissions;

    String reviewer;
    String lead;
    String leadId;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "nad.reviewer@example.org", Role.REVIEWER);
        lead = TriageFixture.staff(http, accounts, "nad.lead@example.org", Role.SAFEGUARDING_LEAD);
        leadId = TestSql.column(dataSource, "SELECT id FROM account WHERE email = 'nad.lead@example.org'").get(0);
        admin = TriageFixture.admin(http);
    }

    /** A call for advice the screening flags by its phrases, sent with an email address (so it has an owner). */
    private String flagged(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", TALK);
        body.put("themes", List.of("SAFETY"));
        body.put("contactEmail", email);
        body.put("consentToContact", true);
        body.put("consentToPublish", false);
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("id");
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id),
                "the phrases flag it");
        return id;
    }

    private MutableHttpRequest<?> notADisclosure(String id, String token) {
        return HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/not-a-disclosure", "").bearerAuth(token);
    }

    private HttpStatus refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request)).getStatus();
    }

    @Test
    void theLeadRemovesTheFlagAndTheTextBecomesAnOrdinaryExampleInOneGo() {
        String id = flagged("nad.one@example.org");
        HttpResponse<?> response = http.toBlocking().exchange(notADisclosure(id, lead));
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());

        assertEquals(List.of("f"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_flag WHERE submission_id = ?::uuid", id),
                "the flag record goes, as with the plain clear");
        assertEquals(List.of("true|false|" + leadId), TestSql.column(dataSource, "SELECT concat_ws('|', old_value, new_value, "
                + "changed_by) FROM submission_change WHERE submission_id = ?::uuid AND field = 'safeguarding'", id),
                "kept in the submission's history like any change");

        List<String> examples = TestSql.column(dataSource, "SELECT concat_ws('|', source, label, added_by) "
                + "FROM safeguarding_example WHERE submission_id = ?::uuid", id);
        assertEquals(List.of("UNFLAGGED|ORDINARY|" + leadId), examples);
        String text = TestSql.column(dataSource, "SELECT text FROM safeguarding_example WHERE submission_id = ?::uuid", id)
                .get(0);
        assertTrue(text.contains(TALK), text);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example_change c "
                + "JOIN safeguarding_example e ON e.id = c.example_id WHERE e.submission_id = ?::uuid AND c.change = 'ADDED' "
                + "AND c.source = 'UNFLAGGED' AND c.label = 'ORDINARY' AND c.changed_by = ?::uuid", id, leadId));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE submission_id = ?::uuid "
                + "AND action = 'CHANGE' AND detail = 'safeguarding,not-a-disclosure'", id), "audited as a change");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE submission_id = ?::uuid "
                + "AND action = 'EXAMPLE_CHANGE'", id));

        Map<?, ?> seen = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer),
                Map.class);
        assertEquals(false, seen.get("safeguarding"), "reviewers see it again");
        assertNull(seen.get("flag"));

        assertEquals(HttpStatus.CONFLICT, refused(notADisclosure(id, lead)), "no longer flagged");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid",
                id), "and nothing added twice");
    }

    @Test
    void anAdministratorMayDoItToo() {
        String id = flagged("nad.two@example.org");
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(notADisclosure(id, admin)).getStatus());
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid "
                + "AND source = 'UNFLAGGED' AND label = 'ORDINARY'", id));
    }

    @Test
    void aReviewerGets404AndNothingChangesAnUnknownIdIs404AndAnUnflaggedOneIs409() {
        String id = flagged("nad.three@example.org");
        assertEquals(HttpStatus.NOT_FOUND, refused(notADisclosure(id, reviewer)));
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid",
                id));

        assertEquals(HttpStatus.NOT_FOUND, refused(notADisclosure(UUID.randomUUID().toString(), lead)));

        String plain = (String) TriageFixture.advice(http, "How can placement moves be fewer for children in care?",
                List.of("CARE")).get("id");
        assertEquals(HttpStatus.CONFLICT, refused(notADisclosure(plain, lead)));
        assertEquals(HttpStatus.NOT_FOUND, refused(notADisclosure(plain, reviewer)),
                "a reviewer cannot use it at all, so learns nothing about which ones are flagged");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid",
                plain));
    }

    @Test
    void whenTheSenderLaterWithdrawsItTheExampleMadeFromItIsErased() {
        String id = flagged("nad.four@example.org");
        http.toBlocking().exchange(notADisclosure(id, lead));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid",
                id));
        UUID owner = UUID.fromString(TestSql.column(dataSource, "SELECT owner_id FROM submission WHERE id = ?::uuid", id)
                .get(0));
        ownSubmissions.withdraw(UUID.fromString(id), owner);
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?::uuid",
                id), "the text is gone from the examples with the submission");
        assertTrue(TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example_change c WHERE c.source = "
                + "'UNFLAGGED' AND c.changed_by = ?::uuid AND NOT EXISTS (SELECT 1 FROM safeguarding_example e "
                + "WHERE e.id = c.example_id)", leadId) >= 1, "who added it and when is kept, not the text");
    }
}
