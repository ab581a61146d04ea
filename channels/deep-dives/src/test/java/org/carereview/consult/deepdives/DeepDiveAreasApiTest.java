package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.getJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.postJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveAreasApiTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    String admin;
    String reviewer;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    @BeforeAll
    void signIn() {
        admin = DeepDivesTestSupport.adminToken(http);
        reviewer = DeepDivesTestSupport.staffToken(http, accounts, "areas.reviewer@example.org", Role.REVIEWER);
    }

    @Test
    void anyoneSeesTheTenSeededAreasWithTheirRegionsAndNoInventedAttributes() {
        Map<?, ?> body = http.toBlocking().retrieve(HttpRequest.GET(API + "/areas"), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        Map<String, String> regions = new HashMap<>();
        items.forEach(a -> regions.put((String) a.get("slug"), (String) a.get("region")));
        for (String slug : List.of("cumbria", "camden", "darlington", "nottinghamshire", "peterborough",
                "north-lincolnshire", "enfield", "southampton", "bath-and-north-east-somerset", "wolverhampton")) {
            assertTrue(regions.containsKey(slug), slug);
        }
        assertEquals("NORTH_WEST", regions.get("cumbria"));
        assertEquals("YORKSHIRE_AND_THE_HUMBER", regions.get("north-lincolnshire"));
        Map<String, Object> camden = items.stream().filter(a -> "camden".equals(a.get("slug"))).findFirst().orElseThrow();
        assertEquals("London", camden.get("regionName"));
        for (String attribute : List.of("population", "deprivation", "urbanRural", "ofstedRating", "spendPerChild",
                "childrenEnteringCare")) {
            assertTrue(camden.containsKey(attribute), attribute + " is present");
            assertNull(camden.get(attribute), attribute + " is unknown, so null");
        }
    }

    @Test
    void anAdministratorAddsAnAreaAndRecordsItsAttributes() {
        Map<String, Object> area = new HashMap<>();
        area.put("slug", "test-shire");
        area.put("name", "Testshire");
        area.put("region", "SOUTH_WEST");
        area.put("population", 123456);
        area.put("ofstedRating", "Good");
        Map<String, Object> created = postJson(http, "/areas", area, admin);
        assertEquals("Testshire", created.get("name"));
        assertEquals(123456, created.get("population"));
        assertNull(created.get("spendPerChild"));

        area.put("name", "Testshire County");
        area.put("spendPerChild", 1234.5);
        area.put("childrenEnteringCare", 310);
        area.put("urbanRural", "Mainly rural");
        Map<?, ?> changed = http.toBlocking().retrieve(HttpRequest.PUT(API + "/areas/test-shire", area).bearerAuth(admin), Map.class);
        assertEquals("Testshire County", changed.get("name"));
        assertEquals(1234.5, ((Number) changed.get("spendPerChild")).doubleValue());
        assertEquals(310, changed.get("childrenEnteringCare"));
        assertEquals("Mainly rural", http.toBlocking().retrieve(HttpRequest.GET(API + "/areas/test-shire"), Map.class)
                .get("urbanRural"));
    }

    @Test
    void invalidAreasAnswer422WithFieldErrorsAndATakenSlugIsRefused() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("slug", "Not A Slug");
        bad.put("name", " ");
        bad.put("region", "ATLANTIS");
        bad.put("population", -1);
        bad.put("spendPerChild", 1.234);
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas", bad, admin));
        for (String field : List.of("slug", "name", "region", "population", "spendPerChild")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field + " in " + problem);
        }
        Map<String, Object> taken = new HashMap<>(Map.of("slug", "camden", "name", "Camden again", "region", "LONDON"));
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas", taken, admin))
                .contains("already uses this short name"));
    }

    @Test
    void onlyAdministratorsChangeAreasAndUnknownAreasAre404() {
        Map<String, Object> area = Map.of("slug", "reviewers-area", "name", "Nope", "region", "LONDON");
        refused(HttpStatus.FORBIDDEN, () -> postJson(http, "/areas", area, reviewer));
        refused(HttpStatus.UNAUTHORIZED, () -> postJson(http, "/areas", area, null));
        refused(HttpStatus.FORBIDDEN, () -> http.toBlocking().exchange(HttpRequest.PUT(API + "/areas/camden", area)
                .bearerAuth(reviewer)));
        refused(HttpStatus.NOT_FOUND, () -> http.toBlocking().exchange(HttpRequest.PUT(API + "/areas/atlantis", area)
                .bearerAuth(admin)));
        refused(HttpStatus.NOT_FOUND, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/areas/atlantis")));
    }

    @Test
    void administratorsAddSessionsAndStaffListThem() {
        String id = DeepDivesTestSupport.session(http, admin, "enfield", "2027-03-12", "FAMILIES");
        Map<String, Object> listed = getJson(http, "/areas/enfield/sessions", reviewer);
        Map<?, ?> session = ((List<Map<?, ?>>) listed.get("items")).get(0);
        assertEquals(id, session.get("id"));
        assertEquals("2027-03-12", session.get("heldOn"));
        assertEquals("FAMILIES", session.get("audience"));
        assertEquals("Sam Facilitator", session.get("facilitator"));
        assertEquals("enfield", session.get("area"));

        Map<String, Object> bad = Map.of("heldOn", "2027-02-30", "audience", "ALIENS");
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas/enfield/sessions", bad, admin));
        assertTrue(problem.contains("\"field\":\"heldOn\"") && problem.contains("\"field\":\"audience\""), problem);
        refused(HttpStatus.FORBIDDEN, () -> postJson(http, "/areas/enfield/sessions",
                Map.of("heldOn", "2027-03-12", "audience", "FAMILIES"), reviewer));
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/areas/enfield/sessions")));
    }
}
