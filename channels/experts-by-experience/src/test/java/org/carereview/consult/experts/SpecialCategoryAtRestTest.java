package org.carereview.consult.experts;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.experts.ApplicationsTestSupport.ROUTE;
import static org.carereview.consult.experts.ApplicationsTestSupport.adminToken;
import static org.carereview.consult.experts.ApplicationsTestSupport.submit;
import static org.carereview.consult.experts.ApplicationsTestSupport.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Special-category answers are sealed at rest (ADR 0018): a dump of the whole database shows none of them, while
 * an administrator still reads them. The embedded PostgreSQL ships no {@code pg_dump}, so the dump is what it would
 * hold: {@code COPY (SELECT * FROM t) TO STDOUT} of every table in the schema.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecialCategoryAtRestTest implements FreshDatabase {

    private static final String ETHNICITY = "Gypsy or Irish Traveller";
    private static final String RELIGION = "Zoroastrian";
    private static final String DATE_OF_BIRTH = "2008-02-29";
    private static final String ACCESS = "A British Sign Language interpreter";
    private static final String SUPPORT = "Time to settle before meetings because of panic attacks";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationWindow window;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void openTheWindow() {
        ApplicationsTestSupport.openWindow(window);
    }

    @Test
    void equalityAnswersAreNotInADatabaseDump() throws Exception {
        Map<String, Object> body = validBody("sealed.answers@example.org");
        body.put("dateOfBirth", DATE_OF_BIRTH);
        body.put("accessNeeds", ACCESS);
        body.put("supportNeeds", SUPPORT);
        body.put("equality", Map.of("ethnicity", ETHNICITY, "religion", RELIGION));
        String id = (String) submit(http, body).get("id");

        String dump = dump();

        assertTrue(dump.contains("Jordan Example"), "the dump holds the application (its name is not sealed)");
        for (String secret : List.of(ETHNICITY, RELIGION, DATE_OF_BIRTH, ACCESS, SUPPORT, "British Sign Language",
                "settle before meetings")) {
            assertFalse(dump.contains(secret), "the dump shows " + secret);
        }
        assertEquals("AGE_18_25", TestSql.column(dataSource,
                "SELECT age_band FROM ebe_application WHERE submission_id = ?::uuid", id).get(0),
                "the age band worked out from the date of birth stays in clear for filtering");

        Map<String, Object> read = http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id)
                .bearerAuth(adminToken(http)), Argument.mapOf(String.class, Object.class));
        assertEquals(DATE_OF_BIRTH, read.get("dateOfBirth"));
        assertEquals(ACCESS, read.get("accessNeeds"));
        assertEquals(SUPPORT, read.get("supportNeeds"));
    }

    @Test
    void accessAndSupportNeedsAreNotSearchable() {
        Map<String, Object> body = validBody("unsearched.needs@example.org");
        body.put("accessNeeds", "Wheelchair ramps");
        body.put("supportNeeds", "Someone to come with me");
        String id = (String) submit(http, body).get("id");

        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND (search_vector @@ plainto_tsquery('english', 'wheelchair') OR search_text ILIKE '%ramps%')", id));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND search_vector @@ plainto_tsquery('english', 'foster schools')", id), "the story still is");
    }

    /** Every row of every table, as COPY writes it: what a plain-SQL pg_dump would hold. */
    private String dump() throws Exception {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        List<String> tables = TestSql.column(dataSource,
                "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                        + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
        assertTrue(tables.contains("public.ebe_equality"), tables.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = raw.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            for (String table : tables) {
                pg.getCopyAPI().copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", out);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
