package org.carereview.consult.web.errors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.util.Locale;

/**
 * Requests that are the sender's mistake, answered before anything reads them (a page for browsers, a problem for
 * the API), never a 500:
 * <ul>
 *   <li>a body bigger than the server takes ({@code micronaut.server.max-request-size}) is 413: otherwise the form's
 *   security check, which cannot read the token from a body it may not read, answers 403 as if it were forged;</li>
 *   <li>a path with a NUL ({@code /areas/camden%00}) is 404: no address here holds one, and PostgreSQL refuses one
 *   in text.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SendersMistakes implements Ordered {

    private final ErrorResponseProcessor<?> processor;
    private final long maxBytes;

    SendersMistakes(ErrorResponseProcessor<?> processor,
                    @Value("${micronaut.server.max-request-size:10MB}") @ReadableBytes long maxBytes) {
        this.processor = processor;
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        if (request.getContentLength() > maxBytes) {
            return answer(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "What you sent is too big");
        }
        if (request.getUri().getRawPath().toLowerCase(Locale.ROOT).contains("%00") || request.getPath().indexOf('\0') >= 0) {
            return answer(request, HttpStatus.NOT_FOUND, "Not Found");
        }
        return null;
    }

    private HttpResponse<?> answer(HttpRequest<?> request, HttpStatus status, String message) {
        return processor.processResponse(ErrorContext.builder(request).errorMessage(message).build(),
                HttpResponse.status(status));
    }
}
