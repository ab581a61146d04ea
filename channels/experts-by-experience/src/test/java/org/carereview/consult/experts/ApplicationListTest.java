package org.carereview.consult.experts;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.carereview.consult.experts.ApplicationsApiTest.assertProblem;
import static org.carereview.consult.experts.ApplicationsApiTest.fields;
import static org.carereview.consult.experts.ApplicationsTestSupport.ROUTE;
import static org.carereview.consult.experts.ApplicationsTestSupport.submit;
import static org.carereview.consult.experts.ApplicationsTestSupport.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/experts-by-experience/applications: administrators only, filtered, in keyset pages. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationListTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationWindow window;

    @Inject
    AccountService accounts;

    /** The references of the applications made, newest first. */
    final List<String> newestFirst = new ArrayList<>();
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeAll
    void sevenApplications() {
        ApplicationsTestSupport.openWindow(window);
        record Applicant(String region, String dateOfBirth, List<String> experiences) {
        }
        List<Applicant> applicants = List.of(
                new Applicant("LONDON", "2007-05-14", List.of("IN_CARE")),
                new Applicant("LONDON", "1990-01-01", List.of("PARENT_OR_FAMILY")),
                new Applicant("NORTH_EAST", "2009-12-01", List.of("CARE_LEAVER", "KINSHIP_CARE")),
                new Applicant("SOUTH_WEST", "2003-02-02", List.of("ADOPTED")),
                new Applicant("LONDON", "2004-07-07", List.of("CARE_LEAVER")),
                new Applicant("EAST_MIDLANDS", "1980-03-03", List.of("OTHER", "PARENT_OR_FAMILY")),
                new Applicant("LONDON", "2006-06-06", List.of("CHILD_IN_NEED_OR_PROTECTION", "CARE_LEAVER")));
        for (int i = 0; i < applicants.size(); i++) {
            Map<String, Object> body = validBody(null);
            body.put("region", applicants.get(i).region());
            body.put("dateOfBirth", applicants.get(i).dateOfBirth());
            body.put("experiences", applicants.get(i).experiences());
            // Two pairs share a submission time, so the id has to break the tie.
            if (i != 2 && i != 5) {
                ExpertsTestClock.CLOCK.advance(Duration.ofMinutes(1));
            }
            newestFirst.add(0, (String) submit(http, body).get("reference"));
        }
        admin = ApplicationsTestSupport.adminToken(http);
    }

    @Test
    void pagesOfThreeCoverEveryApplicationOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> page = page(Map.of("limit", "3"), after);
            List<Map<String, Object>> items = items(page);
            assertTrue(items.size() <= 3);
            items.forEach(item -> seen.add((String) item.get("reference")));
            after = (String) page.get("next");
            pages++;
        } while (after != null && pages < 10);
        int total = newestFirst.size();
        assertEquals((total + 2) / 3, pages);
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size(), "no duplicates");
        assertEquals(Set.copyOf(newestFirst), Set.copyOf(seen), "no gaps");
        assertEquals(newestFirst.get(0), seen.get(0), "newest first");
        assertEquals(newestFirst.get(total - 1), seen.get(total - 1), "oldest last");
    }

    @Test
    void aNewApplicationDoesNotShiftTheNextPage() {
        List<String> before = List.copyOf(newestFirst);
        Map<String, Object> first = page(Map.of("limit", "3"), null);
        assertEquals(Set.copyOf(before.subList(0, 3)), Set.copyOf(references(first)));
        String next = (String) first.get("next");

        ExpertsTestClock.CLOCK.advance(Duration.ofMinutes(1));
        Map<String, Object> body = validBody(null);
        body.put("region", "WEST_MIDLANDS");
        body.put("experiences", List.of("OTHER"));
        String newest = (String) submit(http, body).get("reference");
        newestFirst.add(0, newest);

        assertEquals(Set.copyOf(before.subList(3, 6)), Set.copyOf(references(page(Map.of("limit", "3"), next))));
        assertEquals(List.of(newest), references(page(Map.of("region", "WEST_MIDLANDS"), null)));
    }

    @Test
    void filtersNarrowTheListAndCombine() {
        assertEquals(4, items(page(Map.of("region", "LONDON"), null)).size());
        assertEquals(3, items(page(Map.of("experience", "CARE_LEAVER"), null)).size());
        assertEquals(2, items(page(Map.of("experience", "CARE_LEAVER", "region", "LONDON"), null)).size());
        assertEquals(1, items(page(Map.of("ageBand", "AGE_16_17"), null)).size());
        assertEquals(2, items(page(Map.of("ageBand", "AGE_26_PLUS"), null)).size());
        assertEquals(0, items(page(Map.of("outcome", "SELECTED"), null)).size());
        Map<String, Object> london = page(Map.of("region", "LONDON", "limit", "2"), null);
        assertEquals(2, items(london).size());
        assertNotNull(london.get("next"));
        Map<String, Object> rest = page(Map.of("region", "LONDON", "limit", "2"), (String) london.get("next"));
        assertEquals(2, items(rest).size());
        assertNull(rest.get("next"), "exactly two pages of two");
        items(rest).forEach(i -> assertEquals("LONDON", i.get("region")));

        Map<String, Object> one = items(page(Map.of("ageBand", "AGE_16_17"), null)).get(0);
        assertEquals("NORTH_EAST", one.get("region"));
        assertEquals(List.of("CARE_LEAVER", "KINSHIP_CARE"), one.get("experiences"));
        assertEquals("SUBMITTED", one.get("outcome"));
        assertTrue(!one.containsKey("experienceStory") && !one.containsKey("equality") && !one.containsKey("email"));
    }

    @Test
    void unknownFilterValuesABadLimitAndABadCursorAre422() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> page(Map.of("outcome", "MAYBE", "region", "WALES", "ageBand", "OLD", "experience", "X"), null));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", e);
        assertEquals(List.of("outcome", "region", "ageBand", "experience"), fields(e));
        for (String limit : List.of("0", "201", "ten")) {
            HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                    () -> page(Map.of("limit", limit), null));
            assertEquals(List.of("limit"), fields(bad));
        }
        for (String cursor : List.of("not-a-cursor", "!!!", "MjAyNg")) {
            HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> page(Map.of(), cursor));
            assertEquals(List.of("after"), fields(bad));
        }
    }

    @Test
    void onlyAdministratorsMayList() {
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(ROUTE))).getStatus());
        String reviewer = ApplicationsTestSupport.staffToken(http, accounts, "list.reviewer@example.org", Role.REVIEWER);
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(ROUTE).bearerAuth(reviewer))).getStatus());
        String lead = ApplicationsTestSupport.staffToken(http, accounts, "list.lead@example.org", Role.SAFEGUARDING_LEAD);
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(ROUTE).bearerAuth(lead))).getStatus());
    }

    private Map<String, Object> page(Map<String, String> query, String after) {
        UriBuilder uri = UriBuilder.of(ROUTE);
        query.forEach(uri::queryParam);
        if (after != null) {
            uri.queryParam("after", after);
        }
        return http.toBlocking().retrieve(HttpRequest.GET(uri.build()).bearerAuth(admin),
                Argument.mapOf(String.class, Object.class));
    }

    private static List<String> references(Map<String, Object> page) {
        return items(page).stream().map(i -> (String) i.get("reference")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
