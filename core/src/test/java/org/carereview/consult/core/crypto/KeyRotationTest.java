package org.carereview.consult.core.crypto;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rotation command seals again, with the current key, what an old key sealed and what was stored plain. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationTest implements FreshDatabase {

    private static final String PURPOSE = SealedColumn.SUBMISSION_NOTE.purpose();

    @Inject
    KeyRotation rotation;

    @Inject
    FieldCipher cipher;

    @Inject
    Submissions submissions;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.encryption.keys", FieldCipherTest.NEW + "," + FieldCipherTest.OLD);
        properties.put("consult.encryption.current", "test2026");
        return properties;
    }

    @Test
    void rotationResealsOldKeyAndPlainValuesInBatchesAndThenFindsNothingToDo() {
        UUID submission = submissions.create(SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(),
                Set.of(), "Why do children move so often?")).id();
        FieldCipher older = new FieldCipher(Keys.parse(FieldCipherTest.OLD, null));
        String current = cipher.seal("Sealed already", PURPOSE);
        note(submission, older.seal("Called the family's social worker", PURPOSE));
        note(submission, older.seal("Spoke to the designated officer", PURPOSE));
        note(submission, "Written before encryption");
        note(submission, current);

        KeyRotation.Report report = rotation.rotate(1);

        assertEquals(3, report.resealed().get(PURPOSE));
        List<String> stored = TestSql.column(dataSource, "SELECT body FROM submission_note WHERE submission_id = ? "
                + "ORDER BY seq", submission);
        assertTrue(stored.stream().allMatch(v -> v.startsWith("v1:test2026:")), stored.toString());
        assertEquals(List.of("Called the family's social worker", "Spoke to the designated officer",
                "Written before encryption", "Sealed already"), stored.stream().map(v -> cipher.open(v, PURPOSE)).toList());
        assertEquals(current, stored.get(3), "a value sealed with the current key is left as it is");

        assertEquals(0, rotation.rotate(KeyRotation.DEFAULT_BATCH_SIZE).total(), "a second run has nothing to do");
    }

    @Test
    void rotationResealsSecondFactorSecretsForTheirOwnColumns() {
        UUID account = UUID.randomUUID();
        TestSql.execute(dataSource, "INSERT INTO account (id, email, created_at, updated_at) VALUES (?, ?, now(), now())",
                account, "rotated@example.org");
        FieldCipher older = new FieldCipher(Keys.parse(FieldCipherTest.OLD, null));
        String secret = SealedColumn.SECOND_FACTOR_SECRET.purpose();
        String pending = SealedColumn.SECOND_FACTOR_PENDING.purpose();
        TestSql.execute(dataSource, "INSERT INTO second_factor (account_id, secret, pending_secret, enrolled_at, due_from) "
                + "VALUES (?, ?, ?, now(), now())", account, older.seal("JBSWY3DPEHPK3PXP", secret),
                older.seal("KRSXG5CTMVRXEZLU", pending));

        KeyRotation.Report report = rotation.rotate(KeyRotation.DEFAULT_BATCH_SIZE);

        assertEquals(1, report.resealed().get(secret));
        assertEquals(1, report.resealed().get(pending));
        List<String> stored = TestSql.column(dataSource, "SELECT concat(secret, ' ', pending_secret) FROM second_factor "
                + "WHERE account_id = ?", account);
        String[] both = stored.get(0).split(" ");
        assertEquals("JBSWY3DPEHPK3PXP", cipher.open(both[0], secret));
        assertEquals("KRSXG5CTMVRXEZLU", cipher.open(both[1], pending));
        assertTrue(both[0].startsWith("v1:test2026:") && both[1].startsWith("v1:test2026:"));
    }

    @Test
    @ExpectedNoise("a value's key is gone")
    void aValueWhoseKeyIsGoneIsLeftAndCounted() {
        UUID submission = submissions.create(SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(),
                Set.of(), "What should the review read?")).id();
        String orphan = new FieldCipher(Keys.parse("retired:" + FieldCipherTest.key('r'), null)).seal("Gone", PURPOSE);
        note(submission, orphan);

        KeyRotation.Report report = rotation.rotate(KeyRotation.DEFAULT_BATCH_SIZE);

        assertEquals(1, report.unreadable().get(PURPOSE));
        assertEquals(List.of(orphan), TestSql.column(dataSource,
                "SELECT body FROM submission_note WHERE submission_id = ?", submission));
    }

    private void note(UUID submission, String body) {
        TestSql.execute(dataSource, "INSERT INTO submission_note (submission_id, body, created_at) VALUES (?, ?, now())",
                submission, body);
    }
}
