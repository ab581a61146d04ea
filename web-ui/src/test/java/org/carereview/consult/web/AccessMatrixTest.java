package org.carereview.consult.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service, as an IT health check would see it, walked from the router (not a hand-kept list): every route is
 * called as each of anonymous, a contributor, a reviewer, the safeguarding lead and an administrator, and whether the
 * security layer lets the caller through must be what the route's {@code @Secured} says (a 404 for an id that does
 * not exist is "let through"; a 401, a 403 or a redirect to sign in is "refused"); nothing answers a 5xx. Then a few
 * records, seen by those who may and may not see them; then every unsafe route, sent forged forms.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest implements TestPropertyProvider {

    static final String ADMIN = "matrix.admin@example.org";
    static final String PASSWORD = "an access matrix password";
    static final String CSRF = "matrix-csrf-token-0123456789abcdef";
    static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)[^}]*}");
    /** Where a 401 is the route's own answer to a wrong password or link, not the security layer's. */
    static final Set<String> CREDENTIALS = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/magic-link/redeem");
    static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    enum Identity { ANONYMOUS, CONTRIBUTOR, REVIEWER, SAFEGUARDING_LEAD, ADMIN }

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    TokenIssuer tokens;
    @Inject
    DataSource dataSource;

    final Map<Identity, UUID> account = new EnumMap<>(Identity.class);
    final Map<Identity, String> token = new EnumMap<>(Identity.class);
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SweepProperties.with(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
        // No scheduled job writes while the forged forms are checked for having written nothing.
        for (String job : List.of("redaction.sweep", "experts.reminders", "rate-limit.purge", "drafts.purge",
                "retention.purge")) {
            properties.put("consult." + job + ".enabled", "false");
        }
        return properties;
    }

    @BeforeAll
    void people() {
        account.put(Identity.ADMIN, accounts.idOf(ADMIN).orElseThrow());
        account.put(Identity.REVIEWER, accounts.createStaff("matrix.reviewer@example.org", Role.REVIEWER, PASSWORD).id());
        account.put(Identity.SAFEGUARDING_LEAD,
                accounts.createStaff("matrix.lead@example.org", Role.SAFEGUARDING_LEAD, PASSWORD).id());
        signIn();
    }

    /** Tokens for everyone, again after a route that ends the caller's sessions or erases a contributor. */
    private void signIn() {
        account.put(Identity.CONTRIBUTOR, accounts.contributorFor("matrix.contributor@example.org"));
        account.forEach((who, id) -> token.put(who, tokens.issue(accounts.find(id).orElseThrow()).accessToken()));
    }

    @Test
    void everyRouteAnswersEachIdentityAsItsRuleSays() throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        List<UriRouteInfo<?, ?>> routes = routes();
        for (Role role : Role.values()) {
            assertTrue(Set.of(Identity.values()).contains(Identity.valueOf(role.name())), "no caller has the role " + role);
        }
        Set<String> understood = new java.util.HashSet<>(Set.of(SecurityRule.IS_ANONYMOUS, SecurityRule.IS_AUTHENTICATED));
        java.util.Arrays.stream(Role.values()).map(Role::name).forEach(understood::add);
        routes.forEach(route -> rule(route).stream().filter(value -> !understood.contains(value))
                .forEach(value -> wrong.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate()
                        + ": @Secured(\"" + value + "\") is neither a role nor a rule this walk understands")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> walks = new ArrayList<>();
            for (UriRouteInfo<?, ?> route : routes) {
                if (!ends(route)) {
                    walks.add(pool.submit(() -> walk(route, wrong, sent)));
                }
            }
            for (Future<?> walk : walks) {
                walk.get();
            }
        } finally {
            pool.shutdown();
        }
        for (UriRouteInfo<?, ?> route : routes) {
            if (ends(route)) {
                walk(route, wrong, sent);
            }
        }
        String figures = "matrix: " + routes.size() + " routes × " + Identity.values().length + " identities = "
                + routes.size() * Identity.values().length + " pairs (" + sent + " requests), " + wrong.size() + " mismatches";
        System.out.println(figures);
        assertTrue(routes.size() > 100, "the routes were found: " + routes.size());
        assertTrue(wrong.isEmpty(), figures + "\n" + String.join("\n", wrong));
    }

    /** One route, as each identity; pages (used with the session cookie) with the bearer token and with the cookie. */
    private Void walk(UriRouteInfo<?, ?> route, List<String> wrong, AtomicInteger sent) throws Exception {
        String path = path(route);
        boolean page = path.startsWith("/staff/");
        for (Identity who : Identity.values()) {
            boolean expected = allowed(route, who);
            for (boolean cookie : page && who != Identity.ANONYMOUS ? List.of(false, true) : List.of(false)) {
                HttpResponse<Void> response = send(route, path, who, cookie);
                sent.incrementAndGet();
                int status = response.statusCode();
                // A redirect to sign in is the security layer's refusal, except on a route open to anyone, where it
                // is the route's own answer (the second-factor pages send a browser with no password step back).
                boolean refused = status == 401 && !CREDENTIALS.contains(route.getHttpMethodName() + " " + path)
                        || status == 403 || status / 100 == 3 && !rule(route).contains(SecurityRule.IS_ANONYMOUS)
                        && response.headers().firstValue("Location").orElse("").contains("/staff/sign-in");
                String what = status + " " + route.getHttpMethodName() + " " + path + " as " + who
                        + (cookie ? " (cookie)" : "") + " [" + String.join(",", rule(route)) + "]";
                if (status >= 500) {
                    wrong.add(what + ": a server error");
                } else if (refused == expected) {
                    wrong.add(what + (expected ? ": refused, but the rule allows it" : ": let through, but the rule refuses it"));
                }
            }
            if (ends(route)) {
                signIn();
            }
        }
        return null;
    }

    @Test
    void eachRecordIsShownOnlyToThoseItMayBeShown() throws Exception {
        String owner = tokens.issue(accounts.find(accounts.contributorFor("matrix.owner@example.org")).orElseThrow())
                .accessToken();
        HttpResponse<String> created = json("POST", "/api/v1/call-for-advice/submissions", null, """
                {"respondentType":"CARE_EXPERIENCED","keyQuestions":"Why do children move placements so often?",
                 "themes":["CARE"],"contactEmail":"matrix.owner@example.org","consentToContact":true,"consentToPublish":false}""");
        assertTrue(created.statusCode() == 201, created.statusCode() + " " + created.body());
        Matcher idIn = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
        assertTrue(idIn.find(), created.body());
        String id = idIn.group(1);
        String advice = "/api/v1/call-for-advice/submissions/" + id;
        String triage = "/api/v1/triage/submissions/" + id;
        UUID lead = account.get(Identity.SAFEGUARDING_LEAD);
        List<String> wrong = new ArrayList<>();
        List<String[]> checks = new ArrayList<>();
        checks.add(new String[]{"its owner reads it", "GET", advice, owner, null, "200"});
        checks.add(new String[]{"another contributor cannot", "GET", advice, token.get(Identity.CONTRIBUTOR), null, "404"});
        checks.add(new String[]{"another contributor cannot withdraw it", "DELETE", advice, token.get(Identity.CONTRIBUTOR), null, "404"});
        checks.add(new String[]{"a reviewer reads it before it is flagged", "GET", triage, token.get(Identity.REVIEWER), null, "200"});
        checks.add(new String[]{"a reviewer flags it", "PATCH", triage, token.get(Identity.REVIEWER), "{\"safeguarding\":true}", "204"});
        checks.add(new String[]{"flagged, a reviewer cannot read it in triage", "GET", triage, token.get(Identity.REVIEWER), null, "404"});
        checks.add(new String[]{"flagged, a reviewer cannot read it as advice", "GET", advice, token.get(Identity.REVIEWER), null, "404"});
        checks.add(new String[]{"flagged, a reviewer cannot unflag it", "PATCH", triage, token.get(Identity.REVIEWER), "{\"safeguarding\":false}", "404"});
        checks.add(new String[]{"flagged, the lead reads it", "GET", triage, token.get(Identity.SAFEGUARDING_LEAD), null, "200"});
        checks.add(new String[]{"flagged, an administrator reads it", "GET", triage, token.get(Identity.ADMIN), null, "200"});
        checks.add(new String[]{"flagged, not even its sender sees it (ADR 0021)", "GET", advice, owner, null, "404"});
        checks.add(new String[]{"a reviewer cannot list the staff", "GET", "/api/v1/admin/staff", token.get(Identity.REVIEWER), null, "403"});
        checks.add(new String[]{"a reviewer cannot disable the lead", "PATCH", "/api/v1/admin/staff/" + lead,
                token.get(Identity.REVIEWER), "{\"disabled\":true}", "403"});
        checks.add(new String[]{"a reviewer cannot end the lead's sessions", "POST", "/api/v1/admin/staff/" + lead + "/sign-out",
                token.get(Identity.REVIEWER), "{}", "403"});
        checks.add(new String[]{"the lead cannot read the audit log", "GET", "/api/v1/admin/audit", token.get(Identity.SAFEGUARDING_LEAD), null, "403"});
        for (String[] check : checks) {
            HttpResponse<String> response = json(check[1], check[2], check[3], check[4]);
            if (!String.valueOf(response.statusCode()).equals(check[5])) {
                wrong.add(check[0] + ": " + check[1] + " " + check[2] + " answered " + response.statusCode() + ", want " + check[5]);
            }
        }
        var stillThere = accounts.find(lead).orElseThrow();
        if (stillThere.disabled() || !accounts.tokenIsCurrent(lead, stillThere.tokenVersion())
                || json("GET", "/api/v1/me", token.get(Identity.SAFEGUARDING_LEAD), null).statusCode() != 200) {
            wrong.add("the lead's account or session was changed by a reviewer");
        }
        System.out.println("records: " + checks.size() + " record-level checks, " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noFormIsAcceptedWithoutItsCsrfToken() throws Exception {
        String admin = tokens.issue(accounts.find(account.get(Identity.ADMIN)).orElseThrow()).accessToken();
        List<UriRouteInfo<?, ?>> unsafe = routes().stream().filter(r -> UNSAFE.contains(r.getHttpMethod())).toList();
        long forms = unsafe.stream().filter(AccessMatrixTest::isForm).count();
        long lastEvent = TestSql.count(dataSource, "SELECT coalesce(max(id), 0) FROM audit_event");
        Map<String, String> before = tables();
        List<String> accepted = new ArrayList<>();
        int sent = 0;
        for (UriRouteInfo<?, ?> route : unsafe) {
            String path = path(route);
            // Without the field; with one that is not the cookie's; with no cookie to match at all.
            String[][] forgeries = {{"csrf=" + CSRF, "reason=forged"}, {"csrf=" + CSRF, "csrfToken=not-" + CSRF},
                    {null, "csrfToken=" + CSRF}};
            for (String[] forgery : forgeries) {
                Body body = formBody(route, forgery[1]);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Cookie", "JWT=" + admin + (forgery[0] == null ? "" : "; " + forgery[0]))
                        .header("Content-Type", body.contentType())
                        .method(route.getHttpMethodName(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                sent++;
                if (status != 403) {
                    accepted.add(status + " " + route.getHttpMethodName() + " " + path + " with " + forgery[0] + " and " + forgery[1]);
                }
            }
        }
        Map<String, String> after = tables();
        List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
        long events = TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE id > ?", lastEvent);
        String figures = "csrf: " + unsafe.size() + " unsafe routes (" + forms + " of them forms) × 3 forgeries = " + sent
                + " requests, " + accepted.size() + " accepted, " + events + " audit events, tables changed: " + changed;
        System.out.println(figures);
        assertTrue(forms > 50 && sent == unsafe.size() * 3, figures);
        assertTrue(accepted.isEmpty() && events == 0 && changed.isEmpty(), figures + "\n" + String.join("\n", accepted));
    }

    /** A digest of every table's rows, to see that nothing at all was written. */
    private Map<String, String> tables() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : TestSql.column(dataSource, "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            digests.put(table, TestSql.column(dataSource, "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "ORDER BY t::text)), '') FROM " + table + " t").get(0));
        }
        return digests;
    }

    /** A form (multipart if the route takes one; urlencoded otherwise, JSON routes included) with these fields. */
    private static Body formBody(UriRouteInfo<?, ?> route, String fields) {
        if (route.getConsumes().stream().anyMatch(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return body(route, fields);
        }
        return new Body(MediaType.APPLICATION_FORM_URLENCODED, fields.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> json(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", MediaType.APPLICATION_JSON);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What {@code @Secured} on the route (or its controller) says this caller may do. */
    private static boolean allowed(UriRouteInfo<?, ?> route, Identity who) {
        List<String> rule = rule(route);
        if (rule.contains(SecurityRule.IS_ANONYMOUS)) {
            return true;
        }
        if (who == Identity.ANONYMOUS || rule.contains(SecurityRule.DENY_ALL)) {
            return false;
        }
        return rule.contains(SecurityRule.IS_AUTHENTICATED) || rule.contains(who.name());
    }

    private static List<String> rule(UriRouteInfo<?, ?> route) {
        String[] values = route.getTargetMethod().stringValues(Secured.class);
        assertTrue(values.length > 0, "no @Secured on " + route);
        return List.of(values);
    }

    /**
     * Signing out, and a contributor erasing their own data: the caller's token is spent, so these are walked last,
     * one at a time, and everyone signs in again after each.
     */
    private static boolean ends(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        return !template.contains("{") && template.matches(".*/(logout|sign-out)")
                || route.getHttpMethod() == HttpMethod.DELETE && template.equals("/api/v1/me")
                || route.getHttpMethod() == HttpMethod.POST && template.equals("/your-data/erase");
    }

    private HttpResponse<Void> send(UriRouteInfo<?, ?> route, String path, Identity who, boolean cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        String cookies = "csrf=" + CSRF;
        String bearer = token.get(who);
        if (bearer != null && cookie) {
            cookies += "; JWT=" + bearer;
        } else if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        request.header("Cookie", cookies);
        Body body = UNSAFE.contains(route.getHttpMethod()) ? body(route, "csrfToken=" + CSRF) : Body.NONE;
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        request.method(route.getHttpMethodName(), body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    record Body(String contentType, byte[] bytes) {
        static final Body NONE = new Body(null, null);
    }

    /** What the route takes: a form (carrying these fields, if any), a multipart form, or JSON. */
    static Body body(UriRouteInfo<?, ?> route, String fields) {
        List<MediaType> consumes = route.getConsumes();
        if (consumes.stream().anyMatch(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            String boundary = "matrixboundary";
            StringBuilder multipart = new StringBuilder();
            for (String field : fields.isEmpty() ? new String[0] : fields.split("&")) {
                String[] pair = field.split("=", 2);
                multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(pair[0]).append("\"\r\n\r\n").append(pair[1]).append("\r\n");
            }
            multipart.append("--").append(boundary).append("--\r\n");
            return new Body("multipart/form-data; boundary=" + boundary, multipart.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (consumes.stream().anyMatch(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            return new Body(MediaType.APPLICATION_FORM_URLENCODED, fields.getBytes(StandardCharsets.UTF_8));
        }
        if (consumes.isEmpty() || consumes.stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE))) {
            return new Body(MediaType.APPLICATION_JSON, "{}".getBytes(StandardCharsets.UTF_8));
        }
        return new Body(consumes.get(0).toString(), new byte[0]);
    }

    static boolean isForm(UriRouteInfo<?, ?> route) {
        return route.getConsumes().stream().anyMatch(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || t.matches(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** The route's address with plausible values in its variables: a random id, a real-looking slug. */
    static String path(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = switch (variables.group(1)) {
                case "slug" -> "camden";
                case "index" -> "0";
                case "field" -> "name";
                case "token" -> "no-such-token-" + UUID.randomUUID();
                default -> UUID.randomUUID().toString();
            };
            variables.appendReplacement(path, value);
        }
        variables.appendTail(path);
        return path.toString();
    }

    private List<UriRouteInfo<?, ?>> routes() {
        return AppRoutes.of(router);
    }
}
