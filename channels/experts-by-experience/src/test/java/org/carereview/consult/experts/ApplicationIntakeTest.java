package org.carereview.consult.experts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.intake.IntakeWriter;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application written together with others (ADR 49) is stored exactly as one written alone, its special-category
 * answers sealed; and one the window has closed on by the time its batch is written is left to be refused alone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationIntakeTest implements FreshDatabase {

    @Inject ApplicationIntake intake;
    @Inject Applications applications;
    @Inject ApplicationWindow window;
    @Inject IntakeWriter writer;
    @Inject FieldCipher cipher;
    @Inject DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void open() {
        ApplicationsTestSupport.openWindow(window);
    }

    private static ApplicationInput input(String email, String phone) {
        return new ApplicationInput(List.of("CARE_LEAVER", "IN_CARE"), "Jordan Example", "Jo", "2007-05-14",
                "NORTH_WEST", email, phone, null, "I lived in three foster homes; my social worker was Ms Patel.",
                "I want the review to hear what moving schools felt like.", "Weekends and evenings",
                "Step-free access, please", "A quiet room to take breaks", Map.of("ethnicity", "Mixed"),
                new ApplicationInput.Consents(true, null));
    }

    /** What is stored of an application, but its id, reference, times and ciphertexts. */
    private List<String> stored(UUID id) {
        return TestSql.column(dataSource, """
                SELECT concat_ws(' | ', s.kind, s.status, s.owner_id, s.themes::text, s.safeguarding,
                    s.search_vector::text, s.search_text, s.redacted_text::text, a.outcome, a.experiences::text, a.name,
                    a.preferred_name, a.age_band, a.region, a.email, a.phone, a.experience_story, a.motivation,
                    a.availability, a.consent_data_use, a.consent_contact_trusted_adult,
                    r.answers::text, r.found::text,
                    (SELECT count(*) FROM ebe_equality e WHERE e.submission_id = s.id),
                    (SELECT string_agg(o.template || ' ' || o.channel || ' ' || o.recipient || ' '
                        || (o.fields - 'reference')::text, ', ') FROM outbox_message o
                        WHERE o.fields ->> 'reference' = s.reference))
                FROM submission s JOIN ebe_application a ON a.submission_id = s.id
                JOIN redacted_answer r ON r.submission_id = s.id WHERE s.id = ?""", id);
    }

    private String opened(UUID id, String column, SealedColumn sealed) {
        return cipher.open(TestSql.column(dataSource, "SELECT " + column + " FROM ebe_application "
                + "WHERE submission_id = ?", id).get(0), sealed.purpose());
    }

    @Test
    void anApplicationWrittenTogetherIsStoredAsOneWrittenAlone() {
        for (String[] contact : new String[][] {{"jo.together@example.org", null}, {null, "07700 900 982"}}) {
            ApplicationReceipt alone = applications.submit(input(contact[0], contact[1]), null);
            ApplicationReceipt together = intake.submit(input(contact[0], contact[1]), null, null, null).orElseThrow();

            List<String> written = stored(together.id());
            assertEquals(1, written.size());
            assertTrue(written.get(0).contains(contact[0] == null ? "SMS" : "EMAIL"), "its receipt: " + written);
            assertEquals(stored(alone.id()), written);
            for (UUID id : List.of(alone.id(), together.id())) {
                assertEquals("2007-05-14", opened(id, "date_of_birth", SealedColumn.DATE_OF_BIRTH));
                assertEquals("Step-free access, please", opened(id, "access_needs", SealedColumn.ACCESS_NEEDS));
                assertEquals("A quiet room to take breaks", opened(id, "support_needs", SealedColumn.SUPPORT_NEEDS));
            }
        }
    }

    @Test
    void anApplicationTheWindowClosesOnBeforeItsBatchIsWrittenIsLeftToBeRefusedAlone() {
        String email = "just.too.late@example.org";
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT.minusSeconds(1));
        try {
            ApplicationIntake.Ready ready = intake.prepare(input(email, null), null, null, null).orElseThrow();
            ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT);

            assertFalse(writer.write(ready.together()), "the batch checks the window before it writes");
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE email = ?", email));
            assertTrue(intake.prepare(input(email, null), null, null, null).isEmpty(), "after the close, refused alone");
        } finally {
            ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.NOW);
        }
    }
}
