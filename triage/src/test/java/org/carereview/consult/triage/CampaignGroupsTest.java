package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.triage.campaigns.CampaignGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Copy-and-paste campaigns stored and shown (ADR 0034): five edited copies of one template share a group of five,
 * one-off answers are in none, and a flagged copy is neither grouped nor counted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignGroupsTest implements FreshDatabase {

    private static final String TEMPLATE = "Children in care should have the same social worker for as long as "
            + "possible because every time a social worker leaves we have to tell our whole story again to a stranger "
            + "and it takes months before they know us well enough to help with school, contact with our families and "
            + "planning for leaving care. The review should make local authorities keep caseloads low enough that "
            + "social workers stay, and should ask children before any change of worker is made.";

    private static final List<String> EDITS = List.of(
            "",
            " Please listen to us.",
            " I have had seven social workers in four years.",
            " This matters to me and my brother.",
            " Thank you for reading this.");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    CampaignGroups groups;

    final List<String> copies = new ArrayList<>();
    final List<String> oneOffs = new ArrayList<>();
    String flaggedCopy;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void submit() {
        admin = TriageFixture.admin(http);
        for (int i = 0; i < EDITS.size(); i++) {
            String text = (i % 2 == 0 ? TEMPLATE : TEMPLATE.replace("a stranger", "somebody new")) + EDITS.get(i);
            copies.add(id(TriageFixture.advice(http, text, List.of("CARE"))));
        }
        oneOffs.add(id(TriageFixture.advice(http, "My school did not know I was in care until my foster carer "
                + "rang them after I was excluded for missing lessons when I moved house.", List.of("CARE"))));
        oneOffs.add(id(TriageFixture.advice(http, "Independent reviewing officers should meet young people alone "
                + "at least once before every review meeting so that we can say what we really think.", List.of("CARE"))));
        oneOffs.add(id(TriageFixture.advice(http, "Leaving care grants are too small to furnish a flat and the "
                + "council took months to pay mine, so I slept on a mattress on the floor all winter.", List.of("CARE"))));
        flaggedCopy = id(TriageFixture.advice(http, TEMPLATE + " My foster carer hits me and I am scared to go home.",
                List.of("CARE")));
    }

    @Test
    void fiveEditedCopiesOfOneTemplateShareAGroupOfFiveAndOneOffsAreInNone() {
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE safeguarding AND id = ?::uuid",
                flaggedCopy), "the screening flags the copy with a disclosure");
        assertEquals(5, groups.regroupAll());
        for (String copy : copies) {
            assertEquals(5, TestSql.count(dataSource,
                    "SELECT group_size FROM submission_campaign WHERE submission_id = ?::uuid", copy));
        }
        assertEquals(1, TestSql.count(dataSource, "SELECT count(DISTINCT group_id) FROM submission_campaign"));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission_campaign "
                + "WHERE submission_id IN (?::uuid, ?::uuid, ?::uuid, ?::uuid)",
                oneOffs.get(0), oneOffs.get(1), oneOffs.get(2), flaggedCopy), "one-offs and the flagged copy are in no group");
    }

    @Test
    void theTriageQueueShowsEachItemsCampaignSize() {
        groups.regroupAll();
        Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE)
                .bearerAuth(admin), Argument.mapOf(String.class, Object.class));
        int seen = 0;
        for (Map<String, Object> item : TriageFixture.items(page)) {
            if (copies.contains(item.get("id"))) {
                assertEquals(5, item.get("campaignSize"));
                seen++;
            } else {
                assertNull(item.get("campaignSize"), "not in a campaign: " + item.get("id"));
            }
        }
        assertEquals(5, seen);
    }

    @Test
    void regroupingAgainRewritesTheGroupsWithoutDuplicates() {
        groups.regroupAll();
        assertEquals(5, groups.regroupAll());
        assertEquals(5, TestSql.count(dataSource, "SELECT count(*) FROM submission_campaign"));
    }

    private static String id(Map<String, Object> created) {
        return (String) created.get("id");
    }
}
