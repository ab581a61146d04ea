package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.triage.campaigns.CampaignGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Working with a copy-and-paste campaign in triage (ADR 0034): the queue filtered to one group or to every group,
 * one bulk change for a whole group, and a copy flagged after the grouping gone from the group a reviewer sees.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignTriageTest implements FreshDatabase {

    static final String TEMPLATE = "Care leavers should be able to stay with their foster carers until they are twenty "
            + "five if they want to, with the council paying the carers properly, because nobody else is expected to "
            + "leave home and manage a flat, bills and college on their own at eighteen.";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DataSource dataSource;
    @Inject
    AccountService accounts;
    @Inject
    CampaignGroups groups;

    final List<String> copies = new ArrayList<>();
    String oneOff;
    String admin;
    String reviewer;
    String group;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void fourCopiesAndOneOneOff() {
        admin = TriageFixture.admin(http);
        reviewer = TriageFixture.staff(http, accounts, "campaign.triage@example.org", Role.REVIEWER);
        for (String ending : List.of("", " Please.", " It happened to my sister.", " Thank you.")) {
            copies.add((String) TriageFixture.advice(http, TEMPLATE + ending, List.of()).get("id"));
        }
        oneOff = (String) TriageFixture.advice(http, "My personal adviser changed three times in one year and each "
                + "new one asked me the same questions about my benefits.", List.of()).get("id");
        assertEquals(4, groups.regroupAll());
        group = TestSql.column(dataSource, "SELECT group_id::text FROM submission_campaign LIMIT 1").get(0);
    }

    @Test
    @Order(1)
    void theQueueShowsOneGroupOrEveryGroupAndRefusesAGroupItCannotRead() {
        List<Map<String, Object>> one = queue("?group=" + group, reviewer);
        assertEquals(copies.stream().sorted().toList(), one.stream().map(i -> (String) i.get("id")).sorted().toList());
        one.forEach(i -> assertEquals(group, i.get("campaignGroup")));
        assertEquals(4, queue("?group=any", reviewer).size());
        assertEquals(5, queue("", reviewer).size());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> queue("?group=nonsense", reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("\"group\""));
    }

    @Test
    @Order(2)
    void oneBulkChangeByGroupTagsEveryCopyAndNothingElse() {
        Map<String, Object> result = TriageFixture.post(http, "/api/v1/triage/bulk",
                Map.of("group", group, "addThemes", List.of("CARE"), "status", "IN_REVIEW"), reviewer, null);
        assertEquals(4, ((List<?>) result.get("updated")).size());
        for (String copy : copies) {
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                    + "AND themes = ARRAY['CARE'] AND status = 'IN_REVIEW'", copy));
        }
        assertEquals(0, TestSql.count(dataSource, "SELECT cardinality(themes) FROM submission WHERE id = ?::uuid", oneOff));
        assertEquals(4, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'BULK_CHANGE'"));
        for (Map<String, Object> wrong : List.of(Map.<String, Object>of("group", group, "ids", List.of(oneOff), "status", "NEW"),
                Map.<String, Object>of("group", "00000000-0000-0000-0000-000000000000", "status", "NEW"),
                Map.<String, Object>of("group", "not a group", "status", "NEW"))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> TriageFixture.post(http, "/api/v1/triage/bulk", wrong, reviewer, null));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), wrong.toString());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("\"group\""), wrong.toString());
        }
    }

    @Test
    @Order(3)
    void aCopyFlaggedAfterTheGroupingLeavesTheGroupAReviewerSeesButNotTheLeads() {
        http.toBlocking().exchange(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + copies.get(0),
                Map.of("safeguarding", true)).bearerAuth(reviewer));
        List<Map<String, Object>> seen = queue("?group=" + group, reviewer);
        assertEquals(3, seen.size());
        seen.forEach(i -> assertEquals(3, i.get("campaignSize"), "a group's size never counts what its reader may not see"));
        queue("?group=" + group, admin).forEach(i -> assertEquals(4, i.get("campaignSize")));
    }

    private List<Map<String, Object>> queue(String query, String token) {
        return TriageFixture.items(http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + query).bearerAuth(token),
                Argument.mapOf(String.class, Object.class)));
    }
}
