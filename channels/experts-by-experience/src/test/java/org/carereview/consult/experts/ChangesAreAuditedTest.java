package org.carereview.consult.experts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A decision, a change of membership, a score and a change of the window each write one audit event, with ids only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesAreAuditedTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationWindow window;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void open() {
        ApplicationsTestSupport.openWindow(window);
    }

    private List<String> events(String id) {
        return TestSql.column(dataSource, "SELECT action || ' ' || coalesce(detail, '') FROM audit_event "
                + "WHERE submission_id = ?::uuid ORDER BY id", id);
    }

    @Test
    void decisionsMembershipAndScoresAreAuditedWithIdsAndCodesOnly() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String reviewer = ApplicationsTestSupport.staffToken(http, accounts, "audited.scorer@example.org", Role.REVIEWER);
        String id = (String) ApplicationsTestSupport.submit(http, ApplicationsTestSupport.validBody("audited@example.org"))
                .get("id");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + id + "/scores",
                Map.of("criteria", Map.of("experience", 4, "motivation", 5, "perspective", 3, "commitment", 4),
                        "comment", "Jordan writes well")).bearerAuth(reviewer));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + id + "/decision",
                Map.of("outcome", "SELECTED", "note", "Jordan is strong")).bearerAuth(admin));
        http.toBlocking().exchange(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + id,
                Map.of("status", "PAUSED", "effectiveDate", "2027-03-01", "reason", "Jordan asked for a break"))
                .bearerAuth(admin));

        assertEquals(List.of("CHANGE score", "CHANGE decision=SELECTED", "CHANGE membership=PAUSED"), events(id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE detail ILIKE '%jordan%'"));
    }

    @Test
    void aChangeOfTheApplicationWindowIsAuditedAsASetting() {
        String admin = ApplicationsTestSupport.adminToken(http);
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/experts-by-experience/window",
                Map.of("opensAt", "2027-01-10T09:00", "closesAt", "2027-02-20T17:00")).bearerAuth(admin));
        assertTrue(TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'SETTING_CHANGE' "
                + "AND detail = 'application-window' AND actor_id IS NOT NULL") >= 1);
    }
}
