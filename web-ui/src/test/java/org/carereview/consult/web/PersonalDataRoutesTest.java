package org.carereview.consult.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Decisions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the router (not a hand-kept list): every GET route is marked {@link PersonalData} or {@link NotAudited}, and
 * every {@link PersonalData} route is called as anonymous, a contributor who owns nothing of it, a reviewer, the
 * safeguarding lead and an administrator, with ids of seeded records (a flagged submission among them); every answer,
 * allowed or refused, must be {@code Cache-Control: no-store} with the security headers. A call that
 * is allowed answers 2xx and writes exactly one audit event by its caller; one that is refused answers 401, 403,
 * 404 or a redirect to sign in, and writes none. Who is allowed is the route's {@code @Secured} and ADR 0021.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataRoutesTest implements FreshDatabase {

    static final String DISCLOSURE = "My stepdad hits me and I am scared to go home.";

    /** Routes other work owns (the audit log itself, the retention page): marked there, not here. */

    /** Routes that answer with a whole record, identity and contact included: its owner, the lead and administrators. */
    static final Set<String> WHOLE_RECORD = Set.of("/api/v1/experts-by-experience/applications/{id}");

    enum Caller { ANONYMOUS, CONTRIBUTOR, REVIEWER, SAFEGUARDING_LEAD, ADMIN }

    record Call(String template, String uri, boolean flagged) {
    }

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    io.micronaut.http.client.HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    TokenIssuer tokens;

    @Inject
    ApplicationWindow window;

    @Inject
    Decisions decisions;

    @Inject
    DataSource dataSource;

    final Map<Caller, String> bearer = new HashMap<>();
    final Map<Caller, String> accountId = new HashMap<>();
    final Map<String, List<String>> plainIds = new HashMap<>();
    final Map<String, List<String>> flaggedIds = new HashMap<>();
    final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return SweepProperties.with(TestDatabase.fresh().micronautProperties());
    }

    @BeforeAll
    void seed() {
        staff(Caller.REVIEWER, "walk.reviewer@example.org", Role.REVIEWER);
        staff(Caller.SAFEGUARDING_LEAD, "walk.lead@example.org", Role.SAFEGUARDING_LEAD);
        staff(Caller.ADMIN, "walk.admin@example.org", Role.ADMIN);
        var contributor = accounts.find(accounts.contributorFor("walk.contributor@example.org")).orElseThrow();
        bearer.put(Caller.CONTRIBUTOR, tokens.issue(contributor).accessToken());
        accountId.put(Caller.CONTRIBUTOR, contributor.id().toString());

        String advice = advice("Why do children move placements so often?");
        String flagged = advice(DISCLOSURE);
        String held = advice("Children should choose who visits them.");
        TestSql.execute(dataSource, "UPDATE submission SET status = 'QUARANTINED', quarantine_reason = 'TOO_FAST' "
                + "WHERE id = ?::uuid", held);
        assertTrue(TestSql.column(dataSource, "SELECT safeguarding::text FROM submission WHERE id = ?::uuid", flagged)
                .contains("true"), "the disclosure is flagged");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.MINUTES);
        window.set(now.minusDays(2).toString(), now.plusDays(30).toString(), null);
        String application = application("walk.applicant@example.org");
        String member = application("walk.member@example.org");
        decisions.decide(java.util.UUID.fromString(member), "SELECTED", null, null);

        ids("/api/v1/call-for-advice/submissions/{id}", List.of(advice), List.of(flagged));
        ids("/api/v1/triage/submissions/{id}", List.of(advice), List.of(flagged));
        ids("/staff/triage/{id}", List.of(advice), List.of(flagged));
        ids("/staff/triage/{id}/delete", List.of(held), List.of());
        ids("/api/v1/triage/submissions/{id}/redaction", List.of(advice), List.of(flagged));
        ids("/api/v1/triage/submissions/{id}/similar", List.of(advice), List.of(flagged));
        ids("/api/v1/triage/submissions/{id}/suggestions", List.of(advice), List.of(flagged));
        ids("/staff/triage/{id}/redaction", List.of(advice), List.of(flagged));
        ids("/api/v1/experts-by-experience/applications/{id}", List.of(application), List.of());
        ids("/staff/applications/{id}", List.of(application), List.of());
        ids("/staff/applications/scoring/{id}", List.of(application), List.of());
        ids("/staff/members/{id}", List.of(member), List.of());
    }

    @Test
    void everyGetRouteSaysWhetherItHoldsPersonalData() {
        List<String> unmarked = routes().stream()
                .filter(r -> !r.getTargetMethod().hasAnnotation(PersonalData.class)
                        && !r.getTargetMethod().hasAnnotation(NotAudited.class))
                .map(r -> r.getUriMatchTemplate().toString())
                .toList();
        assertTrue(unmarked.isEmpty(), "GET routes neither @PersonalData nor @NotAudited: " + unmarked);
    }

    @Test
    void everyPersonalDataRouteAuditsEachAllowedReadAndNothingElse() throws Exception {
        List<String> wrong = new ArrayList<>();
        int allowedCalls = 0;
        List<UriRouteInfo<?, ?>> personal = routes().stream()
                .filter(r -> r.getTargetMethod().hasAnnotation(PersonalData.class)).toList();
        assertTrue(personal.size() >= 20, "the personal-data routes were found: " + personal.size());
        for (UriRouteInfo<?, ?> route : personal) {
            for (Call call : calls(route.getUriMatchTemplate().toString())) {
                for (Caller caller : Caller.values()) {
                    boolean expected = allowed(route, call, caller);
                    long before = lastEvent();
                    HttpResponse<String> response = get(call.uri(), caller);
                    int status = response.statusCode();
                    long byCaller = events(before, caller);
                    long all = TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE id > ?", before);
                    String what = caller + " GET " + call.uri() + (call.flagged() ? " (flagged)" : "") + " -> " + status;
                    List<String> missing = missingHeaders(response);
                    if (!missing.isEmpty()) {
                        wrong.add(what + ": without " + missing);
                    }
                    if (status / 100 == 2) {
                        allowedCalls++;
                        if (!expected) {
                            wrong.add(what + ": allowed, but it should be refused");
                        }
                        if (byCaller != 1 || all != 1) {
                            wrong.add(what + ": " + all + " new audit event(s), " + byCaller + " by the caller; want 1");
                        }
                    } else {
                        boolean refusal = status == 401 || status == 403 || status == 404
                                || (status / 100 == 3 && caller == Caller.ANONYMOUS);
                        if (expected || !refusal) {
                            wrong.add(what + (expected ? ": refused, but it should be allowed" : ": not a refusal"));
                        }
                        if (all != 0) {
                            wrong.add(what + ": refused, yet " + all + " audit event(s) written");
                        }
                    }
                }
            }
        }
        assertTrue(allowedCalls > 40, "the walk made allowed calls: " + allowedCalls);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aSearchTermIsAuditedOnlyByItsLength() throws Exception {
        long before = lastEvent();
        assertTrue(get("/api/v1/triage/submissions?q=Robin%20Reachable", Caller.REVIEWER).statusCode() == 200);
        List<String> detail = TestSql.column(dataSource, "SELECT detail FROM audit_event WHERE id > ?", before);
        assertTrue(detail.size() == 1 && detail.get(0).contains("q=given(15)") && !detail.get(0).contains("Robin"),
                detail.toString());
    }

    /**
     * What every answer from a route with personal data must carry, allowed or refused: never kept by a browser or a
     * proxy, and the security headers.
     */
    private static List<String> missingHeaders(HttpResponse<String> response) {
        List<String> missing = new ArrayList<>();
        java.util.Map<String, String> wanted = java.util.Map.of("Cache-Control", "no-store", "X-Frame-Options", "DENY",
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin",
                "Content-Security-Policy", "frame-ancestors 'none'");
        wanted.forEach((name, value) -> {
            if (!response.headers().firstValue(name).orElse("").contains(value)) {
                missing.add(name + ": " + value);
            }
        });
        return missing;
    }

    private boolean allowed(UriRouteInfo<?, ?> route, Call call, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return false;
        }
        List<String> secured = List.of(route.getTargetMethod().stringValues(Secured.class));
        boolean byRole = secured.contains(caller.name())
                || (secured.contains(SecurityRule.IS_AUTHENTICATED) && caller != Caller.CONTRIBUTOR);
        if (call.flagged() && (caller == Caller.REVIEWER || caller == Caller.CONTRIBUTOR)) {
            return false;
        }
        if (WHOLE_RECORD.contains(call.template()) && caller == Caller.REVIEWER) {
            return false;
        }
        return byRole;
    }

    private List<UriRouteInfo<?, ?>> routes() {
        List<UriRouteInfo<?, ?>> found = new ArrayList<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getHttpMethod() == HttpMethod.GET)
                .filter(r -> !r.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class))
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("org.carereview."))
                .forEach(found::add);
        return found;
    }

    private List<Call> calls(String template) {
        String bare = template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{slug[^}]*}", "camden");
        if (!bare.contains("{")) {
            return List.of(new Call(bare, bare, false));
        }
        List<String> plain = plainIds.get(bare);
        assertTrue(plain != null, "no seeded record for the route " + bare + ": add one to seed()");
        List<Call> calls = new ArrayList<>();
        plain.forEach(id -> calls.add(new Call(bare, bare.replaceAll("\\{id[^}]*}", id), false)));
        flaggedIds.get(bare).forEach(id -> calls.add(new Call(bare, bare.replaceAll("\\{id[^}]*}", id), true)));
        return calls;
    }

    private HttpResponse<String> get(String uri, Caller caller) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + uri)).GET();
        String token = bearer.get(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("Cookie", "JWT=" + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long lastEvent() {
        return TestSql.count(dataSource, "SELECT coalesce(max(id), 0) FROM audit_event");
    }

    private long events(long after, Caller caller) {
        String id = accountId.get(caller);
        return id == null
                ? TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE id > ? AND actor_id IS NULL", after)
                : TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE id > ? AND actor_id = ?::uuid",
                after, id);
    }

    private void ids(String template, List<String> plain, List<String> flagged) {
        plainIds.put(template, plain);
        flaggedIds.put(template, flagged);
    }

    private void staff(Caller caller, String email, Role role) {
        var account = accounts.createStaff(email, role, "a long route-walk password");
        bearer.put(caller, tokens.issue(account).accessToken());
        accountId.put(caller, account.id().toString());
    }

    private String advice(String keyQuestions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", keyQuestions);
        body.put("themes", List.of("CARE"));
        body.put("contactEmail", "walk.owner@example.org");
        body.put("consentToContact", true);
        body.put("consentToPublish", false);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("id");
    }

    private String application(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE"));
        body.put("name", "Robin Walker");
        body.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).minusYears(19).toString());
        body.put("region", "LONDON");
        body.put("email", email);
        body.put("experienceStory", "I have lived in three foster homes.");
        body.put("motivation", "So younger children are listened to.");
        body.put("consents", Map.of("dataUse", true));
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications", body),
                Argument.mapOf(String.class, Object.class)).get("id");
    }
}
