package org.carereview.consult.core.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Double-submit-cookie CSRF protection for every form post on every path: the browser holds a random
 * token in an HttpOnly cookie, each form carries the same token in a hidden {@code csrfToken} field,
 * and a post whose two copies differ is refused. JSON API calls are not forms (and the session cookie
 * is SameSite=Lax), so they pass through; under {@code /api/} they are given no token at all.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(30);
    private static final String API = "/api/";

    private final ErrorResponseProcessor<?> errors;
    private final SecureRandom random = new SecureRandom();

    CsrfFilter(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /**
     * Reads the token from the body as it arrives, holding no thread while it waits: a client that stops sending
     * half way costs a connection (cut off by the stalled-request timer), never a server thread.
     */
    @RequestFilter
    Publisher<Optional<HttpResponse<?>>> check(HttpRequest<?> request) {
        if (request.getPath().startsWith(API) && !isForm(request)) {
            // A JSON API call shows no form: it needs no token, and is answered without a cookie it would not use.
            return Publishers.just(Optional.empty());
        }
        String cookie = request.getCookies().findCookie(CsrfToken.COOKIE).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).orElse(null);
        String token = cookie != null ? cookie : newToken();
        request.setAttribute(CsrfToken.ATTRIBUTE, token);
        if (cookie == null) {
            request.setAttribute(CsrfToken.ATTRIBUTE + ".new", Boolean.TRUE);
        }
        if (!UNSAFE.contains(request.getMethod()) || !isForm(request)) {
            return Publishers.just(Optional.empty());
        }
        CompletableFuture<Optional<HttpResponse<?>>> verdict = sentToken(request)
                .completeOnTimeout(null, BODY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(unread -> null)
                .thenApply(sent -> cookie != null && sent != null && same(cookie, sent) ? Optional.empty()
                        : Optional.of(refusal(request)));
        return Publishers.fromCompletableFuture(verdict);
    }

    /**
     * The token the form sent, in its body: read from a split copy, left open until it has fully arrived
     * (Micronaut's FilterBodyParser closes its copy at once, which breaks a request whose body arrives after its
     * headers). A multipart form carries it as a text part, never in its address, where logs and Referer headers
     * would keep it.
     */
    private static CompletableFuture<@Nullable String> sentToken(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        boolean urlEncoded = type != null && type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        String boundary = type == null ? null : type.getParameters().get("boundary").orElse(null);
        if (!(request instanceof ServerHttpRequest<?> server) || !urlEncoded && boundary == null) {
            return CompletableFuture.completedFuture(null);
        }
        CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        return copy.buffer().thenApply(body -> {
            try (CloseableAvailableByteBody available = body) {
                return urlEncoded ? FormFields.first(available.toString(StandardCharsets.UTF_8), CsrfToken.FIELD)
                        : FormFields.firstPart(available.toByteArray(), boundary.replace("\"", ""), CsrfToken.FIELD);
            }
        });
    }

    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (Boolean.TRUE.equals(request.getAttribute(CsrfToken.ATTRIBUTE + ".new", Boolean.class).orElse(false))) {
            String token = request.getAttribute(CsrfToken.ATTRIBUTE, String.class).orElseThrow();
            response.cookie(Cookie.of(CsrfToken.COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Lax)
                    .secure(SecureRequests.isSecure(request)).maxAge(LIFETIME));
        }
    }

    private HttpResponse<?> refusal(HttpRequest<?> request) {
        request.setAttribute(CsrfToken.REFUSED, Boolean.TRUE);
        ErrorContext context = ErrorContext.builder(request).errorMessage(
                "This form could not be sent because it had expired. Go back, refresh the page and try again.").build();
        return errors.processResponse(context, HttpResponse.status(HttpStatus.FORBIDDEN));
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
