package org.carereview.consult.core.submission;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission written alone (not by the intake's writer), against real PostgreSQL: one row with its search vector,
 * and a reference taken already neither written over nor an error that would end its transaction.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionWrittenAloneTest implements FreshDatabase {

    @Inject Submissions submissions;
    @Inject SubmissionInsertStore inserts;
    @Inject DataSource dataSource;
    @Inject TransactionOperations<Connection> tx;

    @Test
    void aSubmissionWrittenAloneIsOneRowWithItsSearchVector() {
        NewSubmission created = submissions.create(SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null,
                Set.of(Theme.CARE), Set.of(), "Carers need respite at weekends"));

        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ? AND reference = ? "
                + "AND search_vector @@ plainto_tsquery('english', 'respite')", created.id(), created.reference()));
    }

    @Test
    void aReferenceTakenAlreadyIsNotWrittenOverAndTheTransactionGoesOn() {
        SubmissionDraft draft = SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(Theme.CARE),
                Set.of(), "The first with this reference");
        Submissions.Prepared first = submissions.prepare(SubmissionKind.CALL_FOR_ADVICE, draft.searchText(), null);
        Submissions.Prepared clash = new Submissions.Prepared(UUID.randomUUID(), first.reference(),
                first.submittedAt(), first.screened(), null);
        Submissions.Prepared other = submissions.prepare(SubmissionKind.CALL_FOR_ADVICE, draft.searchText(), null);

        boolean[] written = inOneTransaction(draft, first, clash, other);

        assertTrue(written[0]);
        assertFalse(written[1], "the taken reference is answered, not written");
        assertTrue(written[2], "and the same transaction writes the next");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE reference = ?",
                first.reference()));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?", clash.id()));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?", other.id()));
    }

    private boolean[] inOneTransaction(SubmissionDraft draft, Submissions.Prepared... prepared) {
        return tx.executeWrite(status -> {
            boolean[] written = new boolean[prepared.length];
            for (int i = 0; i < prepared.length; i++) {
                written[i] = inserts.insert(new SubmissionInsertStore.NewRow(prepared[i], draft));
            }
            return written;
        });
    }
}
