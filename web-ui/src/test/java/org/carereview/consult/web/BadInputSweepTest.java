package org.carereview.consult.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the application serves, as an administrator and as nobody, with inputs no form would send: path
 * variables that are too long, traversals, quotes and broken percent-encodings; bodies that are malformed, deeply
 * nested, not UTF-8 or the wrong type. Whatever the answer, it is never a 5xx (599 here: the connection closed with no
 * answer at all).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepTest implements TestPropertyProvider {

    static final String ADMIN = "sweep.admin@example.org";
    static final String PASSWORD = "a bad input sweep password";

    static final List<String> PATH_VALUES = List.of("x".repeat(3000), "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--",
            "%zz", "%C0%AF", "00000000-0000-0000-0000-000000000000", "-1", "%F0%9F%92%A9");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient micronaut;

    final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void noRouteAnswersA5xxWhateverItIsSent() throws Exception {
        String token = (String) micronaut.toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (UriRouteInfo<?, ?> route : routes()) {
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            HttpMethod method = route.getHttpMethod();
            for (String value : PATH_VALUES) {
                String path = template.replaceAll("\\{[^}]*}", value);
                if (path.equals(template) && !value.equals(PATH_VALUES.get(0))) {
                    continue;
                }
                for (Body body : bodies(method)) {
                    for (String bearer : new String[]{token, null}) {
                        int status = send(method, path, body, bearer);
                        sent++;
                        if (status >= 500) {
                            failures.add(status + " " + method + " " + path.substring(0, Math.min(path.length(), 120))
                                    + " " + body.name() + (bearer == null ? " anonymous" : ""));
                        }
                    }
                }
            }
        }
        assertTrue(sent > 1000, "the sweep sent requests: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answered 5xx:\n" + String.join("\n", failures));
    }

    record Body(String name, String contentType, byte[] bytes) {
    }

    private static List<Body> bodies(HttpMethod method) {
        if (method == HttpMethod.GET || method == HttpMethod.DELETE || method == HttpMethod.HEAD) {
            return List.of(new Body("none", null, null));
        }
        String nested = "[".repeat(5000) + "]".repeat(5000);
        return List.of(
                new Body("truncated JSON", "application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8)),
                new Body("nested JSON", "application/json", nested.getBytes(StandardCharsets.UTF_8)),
                new Body("wrong types", "application/json",
                        "{\"email\":[1],\"text\":{},\"status\":3,\"themes\":\"x\",\"limit\":\"lots\"}".getBytes(StandardCharsets.UTF_8)),
                new Body("not UTF-8", "application/json", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                new Body("NUL in JSON", "application/json", "{\"text\":\"a\\u0000b\",\"email\":\"a\\u0000@b.org\"}".getBytes(StandardCharsets.UTF_8)),
                new Body("broken form", "application/x-www-form-urlencoded", "a=%zz&b=%".getBytes(StandardCharsets.UTF_8)));
    }

    private int send(HttpMethod method, String path, Body body, String bearer) throws Exception {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        } catch (IllegalArgumentException notAnAddress) {
            return 400;
        }
        request.method(method.name(), body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest built = request.build();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return client.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException closed) {
                // A kept-alive connection the server had just closed (after a 413, say): once more, on a new one.
            }
        }
        return 599;
    }

    private List<UriRouteInfo<?, ?>> routes() {
        List<UriRouteInfo<?, ?>> found = new ArrayList<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> !r.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class))
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("org.carereview."))
                // Signing out would end the administrator's token for the rest of the sweep: it takes no input anyway.
                .filter(r -> !r.getUriMatchTemplate().toString().matches(".*/(logout|sign-out)"))
                .forEach(found::add);
        return found;
    }
}
