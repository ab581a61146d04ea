package org.carereview.consult.advice;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission written together with others (ADR 49) is stored exactly as one written alone: the same common record,
 * search vector, details, redaction, receipt, owner and safeguarding flag.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceIntakeTest implements FreshDatabase {

    @Inject AdviceIntake intake;
    @Inject AdviceService advice;
    @Inject DataSource dataSource;

    private static AdviceInput input(String email, String keyQuestions) {
        return new AdviceInput("ORGANISATION", "Riverside Care Leavers Forum", keyQuestions,
                "Meet young people where they already are; ring Sam on 07700 900123 to arrange it.",
                "Our report on pathway plans", "Care leavers in supported lodgings",
                List.of("SUPPORT", "CARE"), " " + email.toUpperCase() + " ", true, false);
    }

    /** What is stored of a submission, but its id, reference and times: the same whichever way it was written. */
    private List<String> stored(UUID id) {
        return TestSql.column(dataSource, """
                SELECT concat_ws(' | ', s.kind, s.status, s.owner_id, s.area_id, s.themes::text, s.dilemmas::text,
                    s.safeguarding, s.quarantine_reason, s.search_vector::text, s.search_text, s.redacted_text::text,
                    a.respondent_type, a.organisation, a.key_questions, a.engagement_advice, a.resources,
                    a.groups_to_speak_to, a.contact_email, a.consent_to_contact, a.consent_to_publish,
                    r.answers::text, r.found::text, r.corrections::text,
                    (SELECT string_agg(o.template || ' ' || o.recipient || ' ' || o.status || ' '
                        || (o.fields ->> 'reference' = s.reference), ', ') FROM outbox_message o
                        WHERE o.fields ->> 'reference' = s.reference),
                    (SELECT string_agg(f.source || ' ' || f.score, ', ') FROM safeguarding_flag f
                        WHERE f.submission_id = s.id))
                FROM submission s JOIN advice_submission a ON a.submission_id = s.id
                JOIN redacted_answer r ON r.submission_id = s.id WHERE s.id = ?""", id);
    }

    @Test
    void aSubmissionWrittenTogetherIsStoredAsOneWrittenAlone() {
        String keyQuestions = "How will care leavers get a real say in the housing they are offered?";
        AdviceReceipt alone = advice.submit(input("together.alone@example.org", keyQuestions), null);
        AdviceReceipt together = intake.submit(input("together.alone@example.org", keyQuestions), null, null, null)
                .orElseThrow();

        assertNotEquals(alone.reference(), together.reference());
        List<String> written = stored(together.id());
        assertEquals(1, written.size());
        List<String> redacted = TestSql.column(dataSource, "SELECT answers::text FROM redacted_answer "
                + "WHERE submission_id = ?", together.id());
        assertTrue(redacted.get(0).contains("arrange it") && !redacted.get(0).contains("07700"),
                "its redaction is stored: " + redacted);
        assertEquals(stored(alone.id()), written);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM account WHERE email = ?",
                "together.alone@example.org"), "one contributor account owns both");
    }

    @Test
    void aDisclosureWrittenTogetherIsFlaggedAsOneWrittenAlone() {
        String disclosure = "My stepdad hits me when he is drunk and I am scared to go home tonight.";
        AdviceReceipt alone = advice.submit(input("flagged.alone@example.org", disclosure), null);
        AdviceReceipt together = intake.submit(input("flagged.together@example.org", disclosure), null, null, null)
                .orElseThrow();

        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ? AND safeguarding",
                together.id()));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_flag WHERE submission_id = ?",
                together.id()));
        assertEquals(TestSql.column(dataSource, "SELECT source || ' ' || score FROM safeguarding_flag "
                + "WHERE submission_id = ?", alone.id()), TestSql.column(dataSource, "SELECT source || ' ' || score "
                + "FROM safeguarding_flag WHERE submission_id = ?", together.id()));
    }

    @Test
    void inputThatIsRefusedIsLeftToBeAnsweredAlone() {
        AdviceInput nothingAnswered = new AdviceInput("PRACTITIONER", null, null, null, null, null, List.of(),
                null, false, false);
        assertTrue(intake.submit(nothingAnswered, null, null, null).isEmpty());
        assertTrue(intake.submit(input("long.key@example.org", "A question?"), null, "k".repeat(256), null)
                .isEmpty(), "a key too long is refused alone, with its own answer");
    }
}
