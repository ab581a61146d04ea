package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.embedding.Embeddings;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator follows the answers' embeddings from the console: answers done of all, waiting, the back-fill. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingsPageTest implements TestPropertyProvider {

    static final String ADMIN = "embeddings.admin@example.org";
    static final String PASSWORD = "an embeddings pages password";

    @Inject
    EmbeddedServer server;
    @Inject
    Embeddings embeddings;
    @Inject
    javax.sql.DataSource db;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @Test
    void anAdministratorSeesHowManyAnswersAreDoneAndWhereTheBackfillIs() {
        for (int n = 1; n <= 3; n++) {
            TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                    + "VALUES (?::uuid, 'CALL_FOR_ADVICE', ?, now(), now(), now())",
                    "00000000-0000-0000-0000-00000000000" + n, "CFA-EMBP-000" + n);
            TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) "
                    + "VALUES (?::uuid, '{\"keyQuestions\": \"Let us see our brothers and sisters\"}', '{}', now())",
                    "00000000-0000-0000-0000-00000000000" + n);
        }
        embeddings.backfill();
        embeddings.embedDue();
        TestSql.execute(db, "UPDATE answer_embedding SET state = 'WAITING', vector = NULL "
                + "WHERE submission_id = '00000000-0000-0000-0000-000000000003'");

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Embeddings of the answers: progress of the background work")));
            assertEquals(server.getURL() + "/staff/admin/embeddings", page.url());

            String main = page.locator("main").innerText();
            assertTrue(main.contains("all-minilm-l6-v2-q"), main);
            assertTrue(main.contains("2 of 3 (66%)"), main);
            assertTrue(main.contains("Passed 3 of 3 submissions"), main);
            assertTrue(!main.contains("brothers"), "counts only, never an answer: " + main);
            Browser.assertAccessible(page);
        }
    }
}
