package org.carereview.consult.experts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompositionTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationWindow window;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(ApplicationsTestSupport.properties());
        properties.put("consult.experts.targets.region.LONDON", "5");
        return properties;
    }

    private String selected(String admin, String name, String region, String dateOfBirth, List<String> experiences) {
        Map<String, Object> body = ApplicationsTestSupport.validBody(null);
        body.put("name", name);
        body.put("region", region);
        body.put("dateOfBirth", dateOfBirth);
        body.put("experiences", experiences);
        String id = (String) ApplicationsTestSupport.submit(http, body).get("id");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + id + "/decision",
                Map.of("outcome", "SELECTED")).bearerAuth(admin));
        return id;
    }

    @Test
    void theGroupIsCountedByRegionAgeBandAndExperienceAgainstItsTargetsAndExportedSafely() {
        ApplicationsTestSupport.openWindow(window);
        String admin = ApplicationsTestSupport.adminToken(http);
        selected(admin, "Alex Example", "LONDON", "2007-01-01", List.of("CARE_LEAVER"));
        selected(admin, "=HYPERLINK(\"http://evil.example\",\"click\")", "LONDON", "1990-01-01",
                List.of("PARENT_OR_FAMILY", "KINSHIP_CARE"));
        String paused = selected(admin, "Sam Example", "NORTH_EAST", "2009-06-01", List.of("IN_CARE"));
        http.toBlocking().exchange(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + paused,
                Map.of("status", "PAUSED", "effectiveDate", "2026-12-01", "reason", "Taking a break")).bearerAuth(admin));

        Map<?, ?> view = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/composition")
                .bearerAuth(admin), Map.class);
        assertEquals(2, view.get("activeMembers"), "a paused member is not counted");
        Map<?, ?> london = row(view, "byRegion", "LONDON");
        assertEquals(2, london.get("active"));
        assertEquals(5, london.get("target"), "configured target");
        assertEquals(2, row(view, "byRegion", "SOUTH_WEST").get("target"), "default target");
        assertEquals(0, row(view, "byRegion", "NORTH_EAST").get("active"));
        assertEquals(1, row(view, "byAgeBand", "AGE_18_25").get("active"));
        assertEquals(1, row(view, "byAgeBand", "AGE_26_PLUS").get("active"));
        assertEquals(1, row(view, "byExperience", "KINSHIP_CARE").get("active"));

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/members/export.csv")
                .bearerAuth(admin));
        assertTrue(csv.startsWith(MembersCsv.HEADER));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "formula neutralised: " + csv);
        assertTrue(csv.contains("Sam Example"), "paused members are current members");
        assertFalse(csv.contains("\n\"=HYPERLINK") || csv.contains(",\"=HYPERLINK"));
    }

    private static Map<?, ?> row(Map<?, ?> view, String group, String code) {
        return ((List<Map<?, ?>>) view.get(group)).stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }
}
