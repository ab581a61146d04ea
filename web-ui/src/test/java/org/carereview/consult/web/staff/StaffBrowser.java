package org.carereview.consult.web.staff;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: plain HTTP with a cookie jar, never following redirects, posting forms with the CSRF
 * token of the page they were read from (as the pages' own forms do).
 */
final class StaffBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    StaffBrowser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** Reads a path of the service, or a whole address elsewhere (an identity provider's page). */
    HttpResponse<String> get(String path) {
        URI address = URI.create(path.startsWith("http") ? path : base + path);
        HttpResponse<String> response = send(HttpRequest.newBuilder(address).GET());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read (reading {@code /staff/sign-in} first if none was). */
    HttpResponse<String> post(String path, String... fields) {
        if (csrf == null) {
            get("/staff/sign-in");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> signIn(String email, String password) {
        get("/staff/sign-in");
        return post("/staff/sign-in", "email", email, "password", password);
    }

    /** Puts a session cookie in the jar, as signing in would. */
    void useSession(String token) {
        HttpCookie cookie = new HttpCookie("JWT", token);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Sends a request with exactly these cookies (not the jar's), such as a half-signed-in value as the session. */
    HttpResponse<String> getWithCookie(String path, String cookie) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
