package org.carereview.consult.web;

import io.micronaut.http.MediaType;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated OpenAPI document against the running service: every {@code /api/v1} route the router has is in it
 * with who may call it; the docs page loads only this service's files; each export answers a client that asks for
 * what it serves; and real answers of the API (each channel's POST, the triage queue, a submission, sign-in, problem
 * answers) match the document's schemas, with a Location on every 201 ({@link SpecContract}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSpecTest implements TestPropertyProvider {

    static final String ADMIN = "spec.admin@example.org";
    static final String PASSWORD = "an api spec password";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** HTML, not API: the page that shows the document. */
    static final Set<String> NOT_IN_SPEC = Set.of("GET /api/v1/docs");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    SpecContract contract;

    @Override
    public Map<String, String> getProperties() {
        return SweepProperties.with(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
    }

    @BeforeAll
    void spec() throws Exception {
        HttpResponse<String> served = send("GET", "/api/v1/openapi.yml", null, null, "application/yaml");
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        contract = SpecContract.of(served.body());
        // Kept beside the build's other output, to read or diff by hand.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-served.yml"), served.body());
    }

    @Test
    void everyApiRouteIsInTheSpecWithItsRoles() {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (UriRouteInfo<?, ?> route : apiRoutes()) {
            String key = route.getHttpMethodName() + " " + AccessMatrixTest.path(route).replaceAll("\\?.*", "");
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            var template = contract.template(AccessMatrixTest.path(route));
            var operation = template.map(t -> contract.spec.get("paths").get(t).get(method)).orElse(null);
            if (NOT_IN_SPEC.contains(route.getHttpMethodName() + " " + route.getUriMatchTemplate())) {
                assertTrue(operation == null, key + " is a page, not part of the API");
            } else if (operation == null) {
                missing.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate());
            } else {
                found++;
                if (!operation.has("x-roles") || operation.get("x-roles").isEmpty()) {
                    missing.add(key + " has no x-roles");
                }
            }
        }
        contract.spec.get("paths").fieldNames().forEachRemaining(path ->
                assertTrue(path.startsWith("/api/v1/"), "only the API is in the spec: " + path));
        System.out.println("spec: " + found + " /api/v1 routes in the spec, " + missing.size() + " missing");
        assertTrue(found > 70, "the routes were found: " + found);
        assertTrue(missing.isEmpty(), "routes the spec lacks:\n" + String.join("\n", missing));
        assertEquals("3.1.0", contract.spec.get("openapi").asText());
    }

    @Test
    void everyExampleInTheSpecMatchesItsSchema() {
        SpecContract examples = SpecContract.of(contract.spec.toString());
        int checked = examples.checkExamples();
        System.out.println("examples: " + checked + " checked against their schemas, " + examples.mismatches.size()
                + " mismatches");
        assertTrue(checked > 100, "the examples were found: " + checked);
        assertTrue(examples.mismatches.isEmpty(), String.join("\n", examples.mismatches));
    }

    @Test
    void theDocsPageLoadsOnlyThisServicesOwnFiles() throws Exception {
        HttpResponse<String> page = send("GET", "/api/v1/docs", null, null, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(!page.body().matches("(?s).*<script>.*") && !page.body().contains("//"), "no inline script, "
                + "nothing from elsewhere: " + page.body());
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int loaded = 0;
        while (assets.find()) {
            assertEquals(200, send("GET", assets.group(1), null, null, "*/*").statusCode(), assets.group(1));
            loaded++;
        }
        assertEquals(4, loaded);
    }

    @Test
    void theDocsPageShowsTheApiInABrowserWithinTheContentSecurityPolicy() {
        List<String> complaints = new ArrayList<>();
        try (var context = Browser.get().newContext(); var page = context.newPage()) {
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    complaints.add(message.text());
                }
            });
            page.onPageError(complaints::add);
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    complaints.add(response.status() + " " + response.url());
                }
            });
            page.navigate(server.getURL() + "/api/v1/docs");
            page.waitForSelector(".opblock-summary-path");
            int operations = page.locator(".opblock").count();
            assertTrue(operations > 70, "Swagger UI shows the operations: " + operations);
            assertTrue(Browser.html(page).contains("/api/v1/triage/submissions"), "the triage queue is shown");
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(false)
                    .setPath(java.nio.file.Path.of("target", "api-docs.png")));
        }
        assertTrue(complaints.isEmpty(), "the page ran without errors or refused resources (CSP):\n"
                + String.join("\n", complaints));
    }

    @Test
    void eachExportAnswersAClientThatAsksForWhatItServes() throws Exception {
        String admin = login(ADMIN);
        List<String> refused = new ArrayList<>();
        int exports = 0;
        for (UriRouteInfo<?, ?> route : apiRoutes()) {
            List<MediaType> produces = route.getProduces();
            if (!route.getHttpMethodName().equals("GET") || produces.stream().anyMatch(t ->
                    t.matches(MediaType.APPLICATION_JSON_TYPE)) || NOT_IN_SPEC.contains("GET " + route.getUriMatchTemplate())) {
                continue;
            }
            exports++;
            for (MediaType type : produces) {
                HttpResponse<String> response = send("GET", AccessMatrixTest.path(route), admin, null, type.getName());
                if (response.statusCode() == 406 || response.statusCode() / 100 == 2
                        && !response.headers().firstValue("Content-Type").orElse("").startsWith(type.getName())) {
                    refused.add(response.statusCode() + " GET " + route.getUriMatchTemplate() + " with Accept: " + type);
                }
            }
        }
        assertTrue(exports >= 8, "the exports were found: " + exports);
        assertTrue(refused.isEmpty(), String.join("\n", refused));
    }

    @Test
    void realAnswersMatchTheSpec() throws Exception {
        SpecContract c = contract;
        String admin = c.check("POST", send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}", null)).body().replaceAll(
                "(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        c.check("POST", send("POST", "/api/v1/auth/login", null, "{\"email\":\"" + ADMIN + "\",\"password\":\"wrong\"}", null));
        accounts.createStaff("spec.reviewer@example.org", Role.REVIEWER, PASSWORD);
        accounts.createStaff("spec.lead@example.org", Role.SAFEGUARDING_LEAD, PASSWORD);
        String reviewer = login("spec.reviewer@example.org");
        String lead = login("spec.lead@example.org");

        // Call for advice: sent, read back where Location says, listed in triage, noted.
        HttpResponse<String> advice = c.check("POST", send("POST", "/api/v1/call-for-advice/submissions", null, """
                {"respondentType":"CARE_EXPERIENCED","keyQuestions":"Why do children move placements so often?",
                 "themes":["CARE"],"contactEmail":"spec.owner@example.org","consentToContact":true,"consentToPublish":false}""",
                null));
        assertEquals(201, advice.statusCode(), advice.body());
        String id = id(advice);
        assertEquals("/api/v1/call-for-advice/submissions/" + id, advice.headers().firstValue("Location").orElseThrow());
        c.check("POST", send("POST", "/api/v1/call-for-advice/submissions", null, "{\"themes\":\"not a list\"}", null));
        c.check("POST", send("POST", "/api/v1/call-for-advice/submissions", null, "{\"respondentType\":\"NOBODY\"}", null));
        c.check("GET", send("GET", "/api/v1/call-for-advice/submissions/" + id, admin, null, null));
        c.check("GET", send("GET", "/api/v1/triage/submissions", reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/triage/submissions?q=placements&sort=relevance", reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/triage/submissions/" + id, reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/triage/submissions/" + id + "/redaction", reviewer, null, null));
        c.check("POST", send("POST", "/api/v1/triage/submissions/" + id + "/notes", reviewer, "{\"text\":\"Call back\"}", null));
        c.check("PATCH", send("PATCH", "/api/v1/triage/submissions/" + id, reviewer, "{\"status\":\"IN_REVIEW\"}", null));
        c.check("GET", send("GET", "/api/v1/triage/submissions/" + java.util.UUID.randomUUID(), reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/triage/submissions", null, null, null));
        c.check("GET", send("GET", "/api/v1/admin/staff", reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/triage/export.csv", reviewer, null, "text/csv"));
        c.check("POST", send("POST", "/api/v1/triage/submissions/" + id + "/safeguarding-actions", lead,
                "{\"action\":\"Called the local authority\"}", null));
        c.check("PATCH", send("PATCH", "/api/v1/triage/submissions/" + id, reviewer, "{\"safeguarding\":true}", null));
        assertEquals(201, c.check("POST", send("POST", "/api/v1/triage/submissions/" + id + "/safeguarding-actions", lead,
                "{\"action\":\"Called the local authority\"}", null)).statusCode());
        c.check("GET", send("GET", "/api/v1/triage/submissions/" + id, lead, null, null));

        // Experts by experience: the window opened, an application sent and read.
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        c.check("PUT", send("PUT", "/api/v1/experts-by-experience/window", admin, "{\"opensAt\":\""
                + LocalDateTime.now().minusDays(2).format(minutes) + "\",\"closesAt\":\""
                + LocalDateTime.now().plusDays(30).format(minutes) + "\"}", null));
        c.check("GET", send("GET", "/api/v1/experts-by-experience/window", null, null, null));
        HttpResponse<String> application = c.check("POST", send("POST", "/api/v1/experts-by-experience/applications",
                null, """
                {"experiences":["CARE_LEAVER"],"name":"Jordan Example","preferredName":"Jo","dateOfBirth":"2005-05-14",
                 "region":"NORTH_WEST","email":"spec.applicant@example.org",
                 "experienceStory":"I lived in three foster homes and then in supported lodgings.",
                 "motivation":"I want the review to hear what moving schools felt like.","availability":"Weekends",
                 "consents":{"dataUse":true}}""", null));
        assertEquals(201, application.statusCode(), application.body());
        c.check("GET", send("GET", "/api/v1/experts-by-experience/applications/" + id(application), admin, null, null));
        c.check("GET", send("GET", "/api/v1/experts-by-experience/applications", admin, null, null));
        c.check("POST", send("POST", "/api/v1/experts-by-experience/applications/" + id(application) + "/scores", reviewer,
                "{\"criteria\":{\"experience\":4,\"motivation\":5,\"perspective\":3,\"commitment\":4},"
                + "\"comment\":\"Writes well\"}", null));

        // Deep dives: an area, a link, a participant's card, the summary.
        c.check("POST", send("POST", "/api/v1/deep-dives/areas", admin,
                "{\"slug\":\"spec-town\",\"name\":\"Spec Town\",\"region\":\"LONDON\"}", null));
        c.check("GET", send("GET", "/api/v1/deep-dives/areas", admin, null, null));
        c.check("POST", send("POST", "/api/v1/deep-dives/areas/camden/sessions", admin,
                "{\"heldOn\":\"2026-11-20\",\"audience\":\"PRACTITIONERS\",\"facilitator\":\"Sam\"}", null));
        HttpResponse<String> link = c.check("POST", send("POST", "/api/v1/deep-dives/areas/camden/links", admin, "{}", null));
        String token = link.body().replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String card = "{\"participantType\":\"CARE_EXPERIENCED_YOUNG_PERSON\",\"whatWorks\":\"My social worker "
                + "listens\",\"whatNeedsToChange\":\"Fewer moves\"}";
        assertEquals(201, c.check("POST", send("POST", "/api/v1/deep-dives/links/" + token + "/feedback", null, card,
                null)).statusCode());
        assertEquals(201, c.check("POST", send("POST", "/api/v1/deep-dives/areas/camden/feedback", admin, card, null))
                .statusCode());
        c.check("POST", send("POST", "/api/v1/deep-dives/areas/camden/feedback/bulk", admin,
                "{\"cards\":[" + card + "," + card + "]}", null));
        c.check("POST", send("POST", "/api/v1/deep-dives/areas/camden/feedback", admin, "{\"whatWorks\":\"\"}", null));
        c.check("GET", send("GET", "/api/v1/deep-dives/areas/camden/summary", admin, null, null));

        // Administration and the caller's own account.
        c.check("POST", send("POST", "/api/v1/admin/api-keys", admin, "{\"name\":\"spec key\",\"scope\":\"READ\"}", null));
        c.check("POST", send("POST", "/api/v1/admin/staff", admin,
                "{\"email\":\"spec.invited@example.org\",\"role\":\"REVIEWER\"}", null));
        c.check("POST", send("POST", "/api/v1/safeguarding/examples", lead,
                "{\"text\":\"Someone at home hurts me\",\"label\":\"DISCLOSURE\"}", null));
        c.check("GET", send("GET", "/api/v1/me", reviewer, null, null));
        c.check("GET", send("GET", "/api/v1/admin/audit", admin, null, null));
        c.check("GET", send("GET", "/api/v1/admin/templates", admin, null, null));

        String figures = "contract: " + c.checked.size() + " real answers checked against the spec, "
                + c.mismatches.size() + " mismatches";
        System.out.println(figures);
        c.checked.forEach(answer -> System.out.println("  checked " + answer));
        c.mismatches.forEach(System.out::println);
        assertTrue(c.checked.size() >= 30, figures);
        assertTrue(c.mismatches.isEmpty(), figures + "\n" + String.join("\n", c.mismatches));
    }

    private String login(String email) throws Exception {
        String body = send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null).body();
        return body.replaceAll("(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String id(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        assertTrue(id.find(), response.body());
        return id.group(1);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String json, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", MediaType.APPLICATION_JSON);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        request.header("Accept", accept == null ? MediaType.APPLICATION_JSON : accept);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<UriRouteInfo<?, ?>> apiRoutes() {
        return AppRoutes.of(router).stream()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1/"))
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .toList();
    }
}
