package org.carereview.consult.web.requests;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gives every request an id, first of all filters: the proxy's {@code X-Request-Id} when it sends a plain one (nginx's
 * {@code $request_id}), otherwise a new one. The id is in every log line written while the request is handled (MDC
 * {@code requestId}), in the response's {@code X-Request-Id} header, and on the error pages, so a person who reports
 * a problem can quote it and the platform team can find the lines.
 *
 * <p>Then, last of all, one access-log line per request on the logger {@code org.carereview.consult.access}: method,
 * the route's template (never the path itself, which may hold a one-time link's token, and never the query string),
 * status and milliseconds. No address, no user agent, no account: nothing that says who.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIds implements Ordered {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String STARTED = "consult.request.started";
    private static final Logger ACCESS = LoggerFactory.getLogger("org.carereview.consult.access");

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void tag(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestId.fromHeader(request.getHeaders().get(HEADER)).orElseGet(RequestId::next);
        request.setAttribute(RequestId.ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestId.of(request).ifPresent(id -> {
            response.getHeaders().set(HEADER, id);
            if (ACCESS.isInfoEnabled()) {
                String before = MDC.get(MDC_KEY);
                MDC.put(MDC_KEY, id);
                try {
                    ACCESS.info("{} {} {} {} ms", request.getMethodName(), route(request), response.code(),
                            elapsedMillis(request));
                } finally {
                    if (before == null) {
                        MDC.remove(MDC_KEY);
                    } else {
                        MDC.put(MDC_KEY, before);
                    }
                }
            }
        });
    }

    /** The matched route's template, such as {@code /sign-in/{token}}; "(no route)" when none matched. */
    static String route(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request)
                .orElseGet(() -> request.getPath().startsWith("/assets/") ? "/assets/**" : "(no route)");
    }

    private static long elapsedMillis(HttpRequest<?> request) {
        return request.getAttribute(STARTED, Long.class)
                .map(start -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).orElse(-1L);
    }
}
