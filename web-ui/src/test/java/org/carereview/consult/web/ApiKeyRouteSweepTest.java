package org.carereview.consult.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.apikey.ApiKeys;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the application serves, called with an integration's key of each scope: a route not on a key's
 * short list is 403 (HEAD counts as GET) (never a 5xx, never run as if the key were a person), and no route on it answers a 5xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyRouteSweepTest implements FreshDatabase {

    static final String ADMIN = "key.sweep.admin@example.org";
    static final String ID = "00000000-0000-0000-0000-000000000000";
    static final Set<String> READS = Set.of("GET /api/v1/triage/submissions", "GET /api/v1/triage/submissions/{}",
            "GET /api/v1/triage/submissions/{}/redaction", "GET /api/v1/triage/export.csv",
            "GET /api/v1/triage/export.ods");
    static final Set<String> REVIEWS = Set.of("PATCH /api/v1/triage/submissions/{}", "POST /api/v1/triage/submissions/{}/notes");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    ApiKeys keys;
    @Inject
    AccountService accounts;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, "a key sweep admin password");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void aKeyReachesOnlyItsRoutesAndNoRouteAnswersItA5xx() throws Exception {
        UUID admin = accounts.idOf(ADMIN).orElseThrow();
        String read = keys.issue("Sweep reader", "READ", null, admin).key();
        String review = keys.issue("Sweep reviewer", "REVIEW", null, admin).key();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (UriRouteInfo<?, ?> route : routes()) {
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            HttpMethod method = route.getHttpMethod() == HttpMethod.HEAD ? HttpMethod.GET : route.getHttpMethod();
            String shape = method + " " + template.replaceAll("\\{[^}]*}", "{}");
            String path = template.replaceAll("\\{[^}]*}", ID);
            for (String key : List.of(read, review)) {
                boolean allowed = READS.contains(shape) || key.equals(review) && REVIEWS.contains(shape);
                int status = send(route.getHttpMethod(), path, key);
                sent++;
                if (status >= 500 || !allowed && status != 403) {
                    failures.add(status + " " + shape + (key.equals(read) ? " READ" : " REVIEW"));
                }
            }
        }
        assertTrue(sent > 100, "the sweep sent requests: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " wrong:\n" + String.join("\n", failures));
    }

    private int send(HttpMethod method, String path, String key) throws Exception {
        boolean body = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + key)
                .method(method.name(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<UriRouteInfo<?, ?>> routes() {
        List<UriRouteInfo<?, ?>> found = new ArrayList<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> !r.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class))
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("org.carereview."))
                .forEach(found::add);
        return found;
    }
}
